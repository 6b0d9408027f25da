package io.jcompose.runtime.linux;

import io.jcompose.runtime.api.RuntimeFailure;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;

/**
 * The libc calls behind an attached container's stdio (pipes, a pseudo terminal, its size), bound
 * by jnr-ffi: Java has no way to make a pipe it can hand to another process by path, nor a pty.
 */
final class StdioCalls {
  /** The libc functions used. */
  public interface LibC {
    int pipe2(@Out int[] fds, int flags);

    int posix_openpt(int flags);

    int grantpt(int fd);

    int unlockpt(int fd);

    int ptsname_r(int fd, @Out byte[] buf, long len);

    int ioctl(int fd, long request, @In byte[] arg);

    int open(String path, int flags);

    long read(int fd, @Out byte[] buf, long n);

    long write(int fd, @In byte[] buf, long n);

    int close(int fd);
  }

  static final int O_RDWR = 2;
  static final int O_NOCTTY = 0400;
  static final int O_NONBLOCK = 04000;
  static final int O_CLOEXEC = 02000000;
  static final int EINTR = 4;
  static final int EIO = 5;
  private static final long TIOCSWINSZ = 0x5414;

  private static LibC libc;

  private StdioCalls() {}

  static synchronized LibC libc() {
    if (libc == null) {
      try {
        libc = LibraryLoader.create(LibC.class).load("c");
      } catch (RuntimeException | LinkageError e) {
        throw new RuntimeFailure("binding libc for an attached container: " + e.getMessage(), e);
      }
    }
    return libc;
  }

  static int errno() {
    return LastError.getLastError(Runtime.getSystemRuntime());
  }

  static RuntimeFailure failure(String what) {
    return new RuntimeFailure(what + ": " + io.jcompose.runtime.sys.ErrnoText.of(errno()));
  }

  /** A pipe as {read end, write end}, both close-on-exec. */
  static int[] pipe() {
    int[] fds = new int[2];
    if (libc().pipe2(fds, O_CLOEXEC) < 0) {
      throw failure("creating a pipe for a container's stdio");
    }
    return fds;
  }

  /** A new pseudo terminal's master side; {@link #slaveName} names its slave. */
  static int openTerminal() {
    int master = libc().posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0) {
      throw failure("opening a pseudo terminal");
    }
    if (libc.grantpt(master) < 0 || libc.unlockpt(master) < 0) {
      RuntimeFailure f = failure("unlocking a pseudo terminal");
      libc.close(master);
      throw f;
    }
    return master;
  }

  static String slaveName(int master) {
    byte[] buf = new byte[128];
    if (libc().ptsname_r(master, buf, buf.length) != 0) {
      throw failure("naming a pseudo terminal's slave side");
    }
    int n = 0;
    while (n < buf.length && buf[n] != 0) {
      n++;
    }
    return new String(buf, 0, n, StandardCharsets.US_ASCII);
  }

  /** Sets a terminal's size by any descriptor of it; false when the ioctl failed. */
  static boolean resize(int fd, int columns, int lines) {
    if (columns <= 0 || lines <= 0) {
      return false;
    }
    byte[] winsize = new byte[8];
    ByteBuffer.wrap(winsize)
        .order(ByteOrder.nativeOrder())
        .putShort((short) Math.min(lines, 0xffff))
        .putShort((short) Math.min(columns, 0xffff));
    return libc().ioctl(fd, TIOCSWINSZ, winsize) == 0;
  }

  /** Sets the size of the terminal at {@code path} (a {@code /proc/PID/fd/N} link to one). */
  static boolean resize(String path, int columns, int lines) {
    int fd = libc().open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
      return false;
    }
    try {
      return resize(fd, columns, lines);
    } finally {
      libc.close(fd);
    }
  }

  /** The path another process opens to get the same pipe or terminal as our {@code fd}. */
  static String procPath(int fd) {
    return "/proc/" + ProcessHandle.current().pid() + "/fd/" + fd;
  }
}
