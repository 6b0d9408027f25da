package io.jcompose.runtime.network;

import io.jcompose.runtime.api.RuntimeFailure;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The libc calls network endpoints need, bound by jnr-ffi: netlink sockets, namespace creation and
 * switching, and the bind mount that keeps a namespace alive as a file. Every call here runs
 * in-process, so setting up an endpoint spawns no program.
 */
final class SystemCalls {
  /** The libc functions used. */
  public interface LibC {
    int socket(int domain, int type, int protocol);

    int setsockopt(int fd, int level, int option, @In int[] value, int length);

    @ssize_t
    long sendto(int fd, @In byte[] buf, @size_t long len, int flags, @In byte[] addr, int addrLen);

    @ssize_t
    long recv(int fd, @Out byte[] buf, @size_t long len, int flags);

    int open(String path, int flags);

    int close(int fd);

    int unshare(int flags);

    int setns(int fd, int nstype);

    int mount(String source, String target, String fstype, long flags, Pointer data);

    int umount2(String target, int flags);
  }

  static final int AF_NETLINK = 16;
  static final int SOCK_RAW = 3;
  static final int SOCK_CLOEXEC = 02000000;
  static final int O_RDONLY = 0;
  static final int O_CLOEXEC = 02000000;
  static final int CLONE_NEWNET = 0x40000000;
  static final long MS_BIND = 4096;
  static final int MNT_DETACH = 2;
  static final int EINTR = 4;

  private static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");

  private SystemCalls() {}

  static LibC libc() {
    return LIBC;
  }

  /** The errno of the last failed call on this thread. */
  static int errno() {
    return LastError.getLastError(Runtime.getRuntime(LIBC));
  }

  /** Text for an errno, e.g. {@code File exists (EEXIST)}. */
  static String describe(int errno) {
    return io.jcompose.runtime.sys.ErrnoText.of(errno);
  }

  /** A failure of the call just made, naming what was being done. */
  static RuntimeFailure failure(String what) {
    return new RuntimeFailure(what + ": " + describe(errno()));
  }
}
