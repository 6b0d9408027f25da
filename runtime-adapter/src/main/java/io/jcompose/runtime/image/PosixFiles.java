package io.jcompose.runtime.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import jnr.constants.platform.Errno;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The few file system calls Java's NIO cannot make: device nodes, full modes (setuid, sticky),
 * owners of symlinks, and xattrs outside the {@code user.} namespace (overlay's {@code trusted.*}).
 * Every call fails with an {@link IOException} naming the call, the path and the errno text.
 *
 * <p>Public only so the volume store can copy image content with the same fidelity; not an api.
 */
public final class PosixFiles {

  /** The libc functions used, bound by jnr-ffi. */
  public interface LibC {
    int mknod(String path, int mode, long dev);

    int chmod(String path, int mode);

    int lchown(String path, int uid, int gid);

    int utimensat(int dirfd, String path, @In long[] times, int flags);

    int lsetxattr(String path, String name, @In byte[] value, @size_t long size, int flags);

    @ssize_t
    long lgetxattr(String path, String name, @Out byte[] value, @size_t long size);

    @ssize_t
    long llistxattr(String path, @Out byte[] list, @size_t long size);
  }

  /** {@code S_IFCHR}: character device file type bits. */
  public static final int S_IFCHR = 0020000;

  /** {@code S_IFBLK}: block device file type bits. */
  public static final int S_IFBLK = 0060000;

  /** {@code S_IFIFO}: named pipe file type bits. */
  public static final int S_IFIFO = 0010000;

  private static final int AT_FDCWD = -100;
  private static final int AT_SYMLINK_NOFOLLOW = 0x100;

  private static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
  private static final Runtime RUNTIME = Runtime.getRuntime(LIBC);

  private PosixFiles() {}

  /** Linux {@code makedev}: the dev_t of a major and minor number. */
  public static long makedev(long major, long minor) {
    return ((major & 0xfffff000L) << 32)
        | ((major & 0xfffL) << 8)
        | ((minor & 0xffffff00L) << 12)
        | (minor & 0xffL);
  }

  /** Creates a device node or fifo; {@code mode} carries the file type bits. */
  public static void mknod(Path path, int mode, long dev) throws IOException {
    check(LIBC.mknod(path.toString(), mode, dev), "mknod", path);
  }

  /** Sets all twelve mode bits (NIO cannot set setuid, setgid, sticky). Follows symlinks. */
  public static void chmod(Path path, int mode) throws IOException {
    check(LIBC.chmod(path.toString(), mode & 07777), "chmod", path);
  }

  /** Sets the owner without following a symlink. */
  public static void lchown(Path path, int uid, int gid) throws IOException {
    check(LIBC.lchown(path.toString(), uid, gid), "lchown", path);
  }

  /**
   * Sets access and modification time without following a symlink and without opening the file (NIO
   * opens it, which blocks on a fifo).
   */
  public static void setTimes(Path path, java.time.Instant time) throws IOException {
    long[] times = {time.getEpochSecond(), time.getNano(), time.getEpochSecond(), time.getNano()};
    check(LIBC.utimensat(AT_FDCWD, path.toString(), times, AT_SYMLINK_NOFOLLOW), "utimensat", path);
  }

  /** Sets an extended attribute without following a symlink. */
  public static void setXattr(Path path, String name, byte[] value) throws IOException {
    check(LIBC.lsetxattr(path.toString(), name, value, value.length, 0), "lsetxattr " + name, path);
  }

  /** An extended attribute's value, or null when the file does not have it. */
  public static byte[] getXattr(Path path, String name) throws IOException {
    byte[] buffer = new byte[4096];
    long n = LIBC.lgetxattr(path.toString(), name, buffer, buffer.length);
    if (n < 0) {
      int errno = LastError.getLastError(RUNTIME);
      if (errno == Errno.ENODATA.intValue() || errno == Errno.ENOTSUP.intValue()) {
        return null;
      }
      throw failure("lgetxattr " + name, path, errno);
    }
    byte[] value = new byte[(int) n];
    System.arraycopy(buffer, 0, value, 0, value.length);
    return value;
  }

  /** The names of a file's extended attributes (not following a symlink). */
  public static java.util.List<String> listXattrs(Path path) throws IOException {
    byte[] buffer = new byte[65536];
    long n = LIBC.llistxattr(path.toString(), buffer, buffer.length);
    if (n < 0) {
      int errno = LastError.getLastError(RUNTIME);
      if (errno == Errno.ENOTSUP.intValue()) {
        return java.util.List.of();
      }
      throw failure("llistxattr", path, errno);
    }
    java.util.List<String> names = new java.util.ArrayList<>();
    int start = 0;
    for (int i = 0; i < n; i++) {
      if (buffer[i] == 0) {
        if (i > start) {
          names.add(new String(buffer, start, i - start, StandardCharsets.UTF_8));
        }
        start = i + 1;
      }
    }
    return names;
  }

  private static void check(int result, String call, Path path) throws IOException {
    if (result != 0) {
      throw failure(call, path, LastError.getLastError(RUNTIME));
    }
  }

  private static IOException failure(String call, Path path, int errno) {
    Errno e = Errno.valueOf(errno);
    String text = e == null ? "errno " + errno : e.description() + " (" + e.name() + ")";
    return new IOException(call + " " + path + ": " + text);
  }
}
