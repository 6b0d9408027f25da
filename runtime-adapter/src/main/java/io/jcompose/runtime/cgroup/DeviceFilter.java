package io.jcompose.runtime.cgroup;

import io.jcompose.runtime.api.RuntimeFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * Loads a {@link DeviceFilterProgram} with the {@code bpf(2)} system call and attaches it to a
 * cgroup v2 directory. The attachment holds the program for as long as the cgroup exists, so both
 * file descriptors are closed right after.
 */
final class DeviceFilter {
  /** The libc functions used, bound by jnr-ffi. */
  public interface LibC {
    long syscall(long number, int cmd, Pointer attr, int size);

    int open(String path, int flags);

    int close(int fd);
  }

  private static final int BPF_PROG_LOAD = 5;
  private static final int BPF_PROG_ATTACH = 8;
  private static final int BPF_PROG_TYPE_CGROUP_DEVICE = 15;
  private static final int BPF_CGROUP_DEVICE = 6;
  private static final int BPF_F_ALLOW_MULTI = 2;
  private static final int O_RDONLY_DIRECTORY_CLOEXEC = 0200000 | 02000000;

  /** Larger than any {@code union bpf_attr} field used; the kernel accepts zeroed extra bytes. */
  private static final int ATTR_SIZE = 128;

  private static final int LOG_SIZE = 65536;

  private DeviceFilter() {}

  /** Attaches a filter allowing only the rules to the cgroup directory. */
  static void attach(Path cgroup, List<DeviceRule> rules) {
    LibC libc = Holder.LIBC;
    if (libc == null) {
      throw new RuntimeFailure(
          "cgroup: cannot bind libc to load the device filter for " + cgroup + " (jnr-ffi)");
    }
    Runtime runtime = Runtime.getRuntime(libc);
    byte[] insns =
        rules.equals(DeviceRule.DOCKER_DEFAULTS)
            ? Holder.DOCKER_DEFAULTS
            : DeviceFilterProgram.compile(rules);
    Pointer code = Memory.allocateDirect(runtime, insns.length);
    code.put(0, insns, 0, insns.length);
    byte[] licence = "Apache-2.0\0".getBytes(StandardCharsets.US_ASCII);
    Pointer licenceText = Memory.allocateDirect(runtime, licence.length);
    licenceText.put(0, licence, 0, licence.length);
    int prog = load(libc, runtime, code, insns.length / 8, licenceText, null);
    if (prog < 0) {
      int errno = LastError.getLastError(runtime);
      // Load again with the verifier's log (level 1 would fill the buffer on success too).
      Pointer log = Memory.allocateDirect(runtime, LOG_SIZE);
      log.putByte(0, (byte) 0);
      load(libc, runtime, code, insns.length / 8, licenceText, log);
      String verifier = log.getString(0, LOG_SIZE, StandardCharsets.US_ASCII).strip();
      String last = verifier.lines().reduce((a, b) -> b).orElse("");
      throw failure(
          errno,
          "loading the device filter for " + cgroup,
          last.isEmpty() ? "" : " (verifier: " + last + ")");
    }
    try {
      int dir = libc.open(cgroup.toString(), O_RDONLY_DIRECTORY_CLOEXEC);
      if (dir < 0) {
        throw failure(LastError.getLastError(runtime), "opening " + cgroup, "");
      }
      try {
        Pointer attach = zeroed(runtime);
        attach.putInt(0, dir);
        attach.putInt(4, prog);
        attach.putInt(8, BPF_CGROUP_DEVICE);
        attach.putInt(12, BPF_F_ALLOW_MULTI);
        if (libc.syscall(bpfSyscall(), BPF_PROG_ATTACH, attach, ATTR_SIZE) < 0) {
          throw failure(
              LastError.getLastError(runtime), "attaching the device filter to " + cgroup, "");
        }
      } finally {
        libc.close(dir);
      }
    } finally {
      libc.close(prog);
    }
  }

  private static int load(
      LibC libc, Runtime runtime, Pointer code, int count, Pointer licence, Pointer log) {
    Pointer attr = zeroed(runtime);
    attr.putInt(0, BPF_PROG_TYPE_CGROUP_DEVICE);
    attr.putInt(4, count);
    attr.putLong(8, code.address());
    attr.putLong(16, licence.address());
    if (log != null) {
      attr.putInt(24, 1);
      attr.putInt(28, LOG_SIZE);
      attr.putLong(32, log.address());
    }
    return (int) libc.syscall(bpfSyscall(), BPF_PROG_LOAD, attr, ATTR_SIZE);
  }

  private static Pointer zeroed(Runtime runtime) {
    Pointer p = Memory.allocateDirect(runtime, ATTR_SIZE);
    p.setMemory(0, ATTR_SIZE, (byte) 0);
    return p;
  }

  /** The bpf(2) system call number of this architecture. */
  private static long bpfSyscall() {
    String arch = System.getProperty("os.arch");
    switch (arch) {
      case "amd64":
      case "x86_64":
        return 321;
      case "aarch64":
      case "riscv64":
        return 280;
      default:
        throw new RuntimeFailure(
            "cgroup: no bpf(2) system call number known for "
                + arch
                + "; device filter not loaded");
    }
  }

  private static RuntimeFailure failure(int errno, String step, String detail) {
    String text = io.jcompose.runtime.sys.ErrnoText.of(errno);
    return new RuntimeFailure("cgroup: " + step + ": " + text + detail);
  }

  /** Binds libc on first use only: hosts with cgroup v1 never need it. */
  private static final class Holder {
    static final LibC LIBC = load();
    static final byte[] DOCKER_DEFAULTS = DeviceFilterProgram.compile(DeviceRule.DOCKER_DEFAULTS);

    private static LibC load() {
      try {
        return LibraryLoader.create(LibC.class).load("c");
      } catch (RuntimeException | LinkageError e) {
        return null;
      }
    }
  }
}
