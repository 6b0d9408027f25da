package io.jcompose.runtime.oci;

import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.runtime.api.SecurityOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The capabilities a container gets: Docker's default set, adjusted by cap_add/cap_drop. */
public final class CapabilitySet {

  /** Every capability Linux knows, by number. */
  public static final List<String> ALL =
      List.of(
          "CHOWN",
          "DAC_OVERRIDE",
          "DAC_READ_SEARCH",
          "FOWNER",
          "FSETID",
          "KILL",
          "SETGID",
          "SETUID",
          "SETPCAP",
          "LINUX_IMMUTABLE",
          "NET_BIND_SERVICE",
          "NET_BROADCAST",
          "NET_ADMIN",
          "NET_RAW",
          "IPC_LOCK",
          "IPC_OWNER",
          "SYS_MODULE",
          "SYS_RAWIO",
          "SYS_CHROOT",
          "SYS_PTRACE",
          "SYS_PACCT",
          "SYS_ADMIN",
          "SYS_BOOT",
          "SYS_NICE",
          "SYS_RESOURCE",
          "SYS_TIME",
          "SYS_TTY_CONFIG",
          "MKNOD",
          "LEASE",
          "AUDIT_WRITE",
          "AUDIT_CONTROL",
          "SETFCAP",
          "MAC_OVERRIDE",
          "MAC_ADMIN",
          "SYSLOG",
          "WAKE_ALARM",
          "BLOCK_SUSPEND",
          "AUDIT_READ",
          "PERFMON",
          "BPF",
          "CHECKPOINT_RESTORE");

  /** Docker's default set (moby {@code oci/caps/defaults.go}). */
  public static final List<String> DOCKER_DEFAULT =
      List.of(
          "CHOWN",
          "DAC_OVERRIDE",
          "FSETID",
          "FOWNER",
          "MKNOD",
          "NET_RAW",
          "SETGID",
          "SETUID",
          "SETFCAP",
          "SETPCAP",
          "NET_BIND_SERVICE",
          "SYS_CHROOT",
          "KILL",
          "AUDIT_WRITE");

  private CapabilitySet() {}

  /**
   * The capability names ({@code CAP_…}) for the given options, limited to those the kernel knows.
   *
   * @param available bit mask of the capabilities jcompose itself may hand out; others are left out
   *     of the default and privileged sets, and asking for one by name is an error
   */
  public static List<String> of(SecurityOptions security, long available) {
    Set<String> caps = new LinkedHashSet<>();
    if (security.privileged()) {
      caps.addAll(ALL);
    } else {
      caps.addAll(DOCKER_DEFAULT);
      for (String add : security.capAdd()) {
        String name = normalize(add);
        if (name.equals("ALL")) {
          caps.addAll(ALL);
        } else {
          caps.add(name);
        }
      }
      for (String drop : security.capDrop()) {
        String name = normalize(drop);
        if (name.equals("ALL")) {
          caps.clear();
        } else {
          caps.remove(name);
        }
      }
      // cap_add wins over a cap_drop of ALL, as in Docker.
      if (security.capDrop().stream().map(CapabilitySet::normalize).anyMatch("ALL"::equals)) {
        for (String add : security.capAdd()) {
          String name = normalize(add);
          if (!name.equals("ALL")) {
            caps.add(name);
          }
        }
      }
    }
    for (String add : security.capAdd()) {
      String name = normalize(add);
      if (!name.equals("ALL") && (available >>> ALL.indexOf(name) & 1) == 0) {
        throw new RuntimeFailure(
            "cap_add: CAP_"
                + name
                + " is not available to jcompose on this host (not in its"
                + " bounding set); remove it from cap_add");
      }
    }
    List<String> out = new ArrayList<>();
    for (String cap : caps) {
      if ((available >>> ALL.indexOf(cap) & 1) != 0) {
        out.add("CAP_" + cap);
      }
    }
    return List.copyOf(out);
  }

  private static String normalize(String name) {
    String upper = name.trim().toUpperCase(Locale.ROOT);
    String bare = upper.startsWith("CAP_") ? upper.substring(4) : upper;
    if (!bare.equals("ALL") && !ALL.contains(bare)) {
      throw new RuntimeFailure(
          "cap_add/cap_drop: unknown capability " + name + " (expected a name like NET_ADMIN)");
    }
    return bare;
  }

  /** The bit mask of a list of {@code CAP_…} names, as {@code /proc/PID/status} shows it. */
  public static long mask(List<String> caps) {
    long mask = 0;
    for (String cap : caps) {
      mask |= 1L << ALL.indexOf(cap.substring(4));
    }
    return mask;
  }
}
