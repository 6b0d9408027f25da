package io.jcompose.runtime.oci;

import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.runtime.api.Ulimit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the OCI {@code config.json} of a container the way Docker configures one. */
public final class OciSpecBuilder {

  /** Paths Docker hides from containers (moby {@code oci/defaults.go}). */
  public static final List<String> MASKED_PATHS =
      List.of(
          "/proc/asound",
          "/proc/acpi",
          "/proc/interrupts",
          "/proc/kcore",
          "/proc/keys",
          "/proc/latency_stats",
          "/proc/timer_list",
          "/proc/timer_stats",
          "/proc/sched_debug",
          "/proc/scsi",
          "/sys/firmware",
          "/sys/devices/virtual/powercap");

  /** Paths Docker mounts read-only. */
  public static final List<String> READONLY_PATHS =
      List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

  private static final long DEFAULT_SHM = 64L * 1024 * 1024;
  private static final Pattern NUMERIC_USER = Pattern.compile("(\\d+)(?::(\\d+))?");

  private OciSpecBuilder() {}

  /** The config for one container. */
  public static OciSpec build(BundleRequest r) {
    List<String> caps = CapabilitySet.of(r.security(), r.availableCaps());
    var capabilities = new OciSpec.Capabilities(caps, caps, caps, List.of(), List.of());
    var process =
        new OciSpec.Process(
            r.terminal(),
            numericUser(r.user()),
            r.args(),
            r.env(),
            r.cwd(),
            capabilities,
            rlimits(r.ulimits()),
            r.security().noNewPrivileges());
    boolean privileged = r.security().privileged();
    var linux =
        new OciSpec.Linux(
            namespaces(r),
            privileged ? List.of() : MASKED_PATHS,
            privileged ? List.of() : READONLY_PATHS,
            r.sysctls(),
            privileged || r.security().seccompUnconfined()
                ? null
                : SeccompProfile.forCapabilities(caps));
    Map<String, String> annotations = new LinkedHashMap<>(r.annotations());
    if (r.user() != null && !r.user().isEmpty()) {
      annotations.put(Annotations.USER, r.user());
    }
    return new OciSpec(
        OciSpec.VERSION,
        process,
        new OciSpec.Root(r.rootfs().toString(), r.security().readOnlyRootfs()),
        r.hostname(),
        mounts(r),
        linux,
        annotations);
  }

  /**
   * uid[:gid] goes into process.user as numbers (runc reads only those); names are resolved by the
   * shim.
   */
  private static OciSpec.User numericUser(String user) {
    if (user == null) {
      return new OciSpec.User(0, 0, null);
    }
    Matcher m = NUMERIC_USER.matcher(user);
    if (!m.matches()) {
      return new OciSpec.User(0, 0, null);
    }
    int uid = Integer.parseInt(m.group(1));
    int gid = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    return new OciSpec.User(uid, gid, null);
  }

  private static List<OciSpec.Rlimit> rlimits(List<Ulimit> ulimits) {
    List<OciSpec.Rlimit> out = new ArrayList<>();
    for (Ulimit u : ulimits) {
      String type = "RLIMIT_" + u.name().toUpperCase(Locale.ROOT);
      if (!RLIMITS.contains(type)) {
        throw new RuntimeFailure(
            "ulimits." + u.name() + ": unknown limit (expected nofile, nproc, core, memlock…)");
      }
      out.add(new OciSpec.Rlimit(type, u.hard(), u.soft()));
    }
    return out;
  }

  private static final List<String> RLIMITS =
      List.of(
          "RLIMIT_AS",
          "RLIMIT_CORE",
          "RLIMIT_CPU",
          "RLIMIT_DATA",
          "RLIMIT_FSIZE",
          "RLIMIT_LOCKS",
          "RLIMIT_MEMLOCK",
          "RLIMIT_MSGQUEUE",
          "RLIMIT_NICE",
          "RLIMIT_NOFILE",
          "RLIMIT_NPROC",
          "RLIMIT_RSS",
          "RLIMIT_RTPRIO",
          "RLIMIT_RTTIME",
          "RLIMIT_SIGPENDING",
          "RLIMIT_STACK");

  private static List<OciSpec.Namespace> namespaces(BundleRequest r) {
    List<OciSpec.Namespace> out = new ArrayList<>();
    out.add(new OciSpec.Namespace("pid", null));
    out.add(new OciSpec.Namespace("ipc", null));
    out.add(new OciSpec.Namespace("uts", null));
    out.add(new OciSpec.Namespace("mount", null));
    if (!r.hostNetwork()) {
      String path = r.networkNamespace() == null ? null : r.networkNamespace().toString();
      out.add(new OciSpec.Namespace("network", path));
    }
    return out;
  }

  private static List<OciSpec.Mount> mounts(BundleRequest r) {
    long shm = r.shmSizeBytes() > 0 ? r.shmSizeBytes() : DEFAULT_SHM;
    boolean privileged = r.security().privileged();
    List<OciSpec.Mount> out = new ArrayList<>();
    out.add(mount("/proc", "proc", "proc", "nosuid", "noexec", "nodev"));
    out.add(mount("/dev", "tmpfs", "tmpfs", "nosuid", "strictatime", "mode=755", "size=65536k"));
    out.add(
        mount(
            "/dev/pts",
            "devpts",
            "devpts",
            "nosuid",
            "noexec",
            "newinstance",
            "ptmxmode=0666",
            "mode=0620",
            "gid=5"));
    out.add(mount("/sys", "sysfs", "sysfs", "nosuid", "noexec", "nodev", privileged ? "rw" : "ro"));
    out.add(mount("/dev/mqueue", "mqueue", "mqueue", "nosuid", "noexec", "nodev"));
    out.add(
        mount("/dev/shm", "tmpfs", "shm", "nosuid", "noexec", "nodev", "mode=1777", "size=" + shm));
    out.addAll(r.mounts());
    return out;
  }

  private static OciSpec.Mount mount(String dest, String type, String source, String... options) {
    return new OciSpec.Mount(dest, type, source, List.of(options));
  }

  /** A bind mount of a host path. */
  public static OciSpec.Mount bind(String hostPath, String target, boolean readOnly) {
    return new OciSpec.Mount(
        target, "bind", hostPath, List.of("rbind", readOnly ? "ro" : "rw", "rprivate"));
  }

  /** A tmpfs mount as Docker's {@code --tmpfs} makes it. */
  public static OciSpec.Mount tmpfs(String target, long sizeBytes) {
    List<String> options = new ArrayList<>(List.of("nosuid", "nodev", "noexec", "mode=1777"));
    if (sizeBytes > 0) {
      options.add("size=" + sizeBytes);
    }
    return new OciSpec.Mount(target, "tmpfs", "tmpfs", options);
  }
}
