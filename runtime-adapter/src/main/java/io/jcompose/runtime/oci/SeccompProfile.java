package io.jcompose.runtime.oci;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Docker's default seccomp protections as an OCI {@code linux.seccomp} section, for a given set of
 * capabilities.
 *
 * <p>Docker's profile is an allow-list; this is the same policy written the other way round: every
 * call is allowed except the ones Docker's profile leaves out, which fail with EPERM. A call that
 * Docker allows for a capability (mount for CAP_SYS_ADMIN, reboot for CAP_SYS_BOOT…) is refused
 * only while the container lacks that capability. Calls newer than the shim's headers are allowed,
 * where Docker's allow-list would refuse them.
 *
 * <p>{@code personality} is refused unless its argument is one of Docker's personas: one rule whose
 * conditions must all hold (not 0 and not 8 and …), as the runtime spec and the shim read it. runc
 * 1.1 splits conditions on the same argument into separate rules, so under runc the same section
 * refuses every {@code personality} call, even the query.
 */
public final class SeccompProfile {

  static final String ALLOW = "SCMP_ACT_ALLOW";
  static final String ERRNO = "SCMP_ACT_ERRNO";
  private static final int EPERM = 1;
  private static final int ENOSYS = 38;

  /** Refused whatever the capabilities: kernel keyrings, kexec, swap, io_uring, obsolete calls. */
  static final List<String> ALWAYS_REFUSED =
      List.of(
          "_sysctl",
          "add_key",
          "afs_syscall",
          "create_module",
          "get_kernel_syms",
          "getpmsg",
          "io_uring_enter",
          "io_uring_register",
          "io_uring_setup",
          "kexec_file_load",
          "kexec_load",
          "keyctl",
          "migrate_pages",
          "move_pages",
          "nfsservctl",
          "pivot_root",
          "putpmsg",
          "query_module",
          "request_key",
          "security",
          "swapoff",
          "swapon",
          "sysfs",
          "tuxcall",
          "uselib",
          "userfaultfd",
          "ustat",
          "vm86",
          "vm86old",
          "vserver");

  /** Calls refused unless the container holds one of the capabilities named before them. */
  private static final List<CapabilityGate> GATES =
      List.of(
          gate(
              Set.of("SYS_ADMIN"),
              "fanotify_init",
              "fsconfig",
              "fsmount",
              "fsopen",
              "fspick",
              "lookup_dcookie",
              "mount",
              "mount_setattr",
              "move_mount",
              "open_tree",
              "quotactl",
              "quotactl_fd",
              "setdomainname",
              "sethostname",
              "setns",
              "umount",
              "umount2",
              "unshare"),
          gate(Set.of("SYS_ADMIN", "BPF"), "bpf"),
          gate(Set.of("SYS_ADMIN", "PERFMON"), "perf_event_open"),
          gate(Set.of("SYS_ADMIN", "SYSLOG"), "syslog"),
          gate(Set.of("SYS_BOOT"), "reboot"),
          gate(Set.of("SYS_CHROOT"), "chroot"),
          gate(Set.of("SYS_MODULE"), "delete_module", "finit_module", "init_module"),
          gate(Set.of("SYS_PACCT"), "acct"),
          gate(Set.of("SYS_PTRACE"), "kcmp", "pidfd_getfd", "process_madvise"),
          gate(Set.of("SYS_RAWIO"), "ioperm", "iopl"),
          gate(Set.of("SYS_TIME"), "clock_settime", "clock_settime64", "settimeofday", "stime"),
          gate(Set.of("SYS_TTY_CONFIG"), "vhangup"),
          gate(
              Set.of("SYS_NICE"),
              "get_mempolicy",
              "mbind",
              "set_mempolicy",
              "set_mempolicy_home_node"),
          gate(Set.of("DAC_READ_SEARCH"), "open_by_handle_at"));

  /** The clone flags that make new namespaces; clone with any of them needs CAP_SYS_ADMIN. */
  static final List<Long> NAMESPACE_FLAGS =
      List.of(
          0x00020000L, // CLONE_NEWNS
          0x02000000L, // CLONE_NEWCGROUP
          0x04000000L, // CLONE_NEWUTS
          0x08000000L, // CLONE_NEWIPC
          0x10000000L, // CLONE_NEWUSER
          0x20000000L, // CLONE_NEWPID
          0x40000000L); // CLONE_NEWNET

  /** The personas Docker lets a container choose: Linux, Linux32, UNAME26 of both, the query. */
  static final List<Long> ALLOWED_PERSONAS = List.of(0x0L, 0x8L, 0x20000L, 0x20008L, 0xffffffffL);

  private static final long AF_VSOCK = 40;

  private SeccompProfile() {}

  /** The filter for a container with the given {@code CAP_…} names, for this host's CPU. */
  public static OciSpec.Seccomp forCapabilities(List<String> caps) {
    return forCapabilities(caps, System.getProperty("os.arch"));
  }

  static OciSpec.Seccomp forCapabilities(List<String> caps, String osArch) {
    List<OciSpec.SyscallRule> rules = new ArrayList<>();
    List<String> refused = new ArrayList<>(ALWAYS_REFUSED);
    for (CapabilityGate gate : GATES) {
      if (gate.capabilities().stream().noneMatch(c -> caps.contains("CAP_" + c))) {
        refused.addAll(gate.calls());
      }
    }
    rules.add(new OciSpec.SyscallRule(refused, ERRNO, EPERM, List.of()));
    if (!caps.contains("CAP_SYS_ADMIN")) {
      for (long flag : NAMESPACE_FLAGS) {
        var arg = new OciSpec.SyscallArg(0, flag, flag, "SCMP_CMP_MASKED_EQ");
        rules.add(new OciSpec.SyscallRule(List.of("clone"), ERRNO, EPERM, List.of(arg)));
      }
      // ENOSYS, not EPERM: C libraries then fall back to clone, whose flags the rules above see.
      rules.add(new OciSpec.SyscallRule(List.of("clone3"), ERRNO, ENOSYS, List.of()));
    }
    rules.add(
        new OciSpec.SyscallRule(
            List.of("socket"),
            ERRNO,
            EPERM,
            List.of(new OciSpec.SyscallArg(0, AF_VSOCK, 0, "SCMP_CMP_EQ"))));
    List<OciSpec.SyscallArg> otherPersona = new ArrayList<>();
    for (long persona : ALLOWED_PERSONAS) {
      otherPersona.add(new OciSpec.SyscallArg(0, persona, 0, "SCMP_CMP_NE"));
    }
    rules.add(new OciSpec.SyscallRule(List.of("personality"), ERRNO, EPERM, otherPersona));
    return new OciSpec.Seccomp(ALLOW, architectures(osArch), rules);
  }

  /** The native architecture first, then the 32-bit ones its kernel also runs. */
  static List<String> architectures(String osArch) {
    return switch (osArch == null ? "" : osArch.toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64" -> List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32");
      case "aarch64", "arm64" -> List.of("SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM");
      default -> List.of();
    };
  }

  private static CapabilityGate gate(Set<String> capabilities, String... calls) {
    return new CapabilityGate(capabilities, List.of(calls));
  }

  /** Calls Docker allows only to holders of one of {@code capabilities}. */
  private record CapabilityGate(Set<String> capabilities, List<String> calls) {}
}
