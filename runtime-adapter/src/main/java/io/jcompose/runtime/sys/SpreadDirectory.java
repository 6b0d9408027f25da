package io.jcompose.runtime.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jnr.ffi.LibraryLoader;
import jnr.ffi.byref.IntByReference;

/**
 * A directory that holds one subdirectory per container, marked so that ext2/3/4 places each new
 * subdirectory in its own block group ({@code chattr +T}, {@code FS_TOPDIR_FL}: the Orlov allocator
 * treats the directory as the top of a hierarchy, as it does the file system's root).
 *
 * <p>Why: without the mark every container's files land in the block group of their parent. On ext4
 * without a journal, inode allocation skips, one table block lookup at a time, every inode of the
 * group freed in the last minutes ({@code recently_deleted()}); after a {@code down} of 50
 * containers each file a start creates walked past hundreds of them. Spread over groups, the walk
 * is short again (figures in {@code bench/runtime/README.md}).
 *
 * <p>The mark is best effort: file systems without the flag (tmpfs, xfs, btrfs) refuse the call,
 * which is harmless there since they do not have the walk. Each instance marks its directory once,
 * on first use, so that only processes that create containers pay the binding.
 */
public final class SpreadDirectory {

  /** The libc functions used. */
  public interface LibC {
    int open(String path, int flags);

    int ioctl(int fd, long request, IntByReference flags);

    int close(int fd);
  }

  /** {@code _IOR('f', 1, long)} and {@code _IOW('f', 2, long)} on 64-bit Linux. */
  private static final long FS_IOC_GETFLAGS = 0x80086601L;

  private static final long FS_IOC_SETFLAGS = 0x40086602L;

  /** {@code FS_TOPDIR_FL}: "top of directory hierarchies" for the Orlov allocator. */
  static final int FS_TOPDIR_FL = 0x00020000;

  private static final int O_RDONLY_CLOEXEC = 02000000;

  private final Path dir;
  private volatile boolean ready;

  public SpreadDirectory(Path dir) {
    this.dir = dir;
  }

  /** The directory. */
  public Path path() {
    return dir;
  }

  /** Creates the directory if missing and marks it, once per instance; returns its path. */
  public Path ensure() throws IOException {
    if (!ready) {
      synchronized (this) {
        if (!ready) {
          Files.createDirectories(dir);
          mark(dir);
          ready = true;
        }
      }
    }
    return dir;
  }

  /** Sets {@code FS_TOPDIR_FL} on a directory; false when its file system has no such flag. */
  static boolean mark(Path dir) {
    LibC libc = Binding.LIBC;
    int fd = libc.open(dir.toString(), O_RDONLY_CLOEXEC);
    if (fd < 0) {
      return false;
    }
    try {
      IntByReference flags = new IntByReference();
      if (libc.ioctl(fd, FS_IOC_GETFLAGS, flags) != 0) {
        return false;
      }
      if ((flags.intValue() & FS_TOPDIR_FL) != 0) {
        return true;
      }
      IntByReference wanted = new IntByReference(flags.intValue() | FS_TOPDIR_FL);
      return libc.ioctl(fd, FS_IOC_SETFLAGS, wanted) == 0;
    } finally {
      libc.close(fd);
    }
  }

  /** Bound on first use only. */
  private static final class Binding {
    static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
  }
}
