package io.jcompose.runtime.network;

import io.jcompose.runtime.api.RuntimeFailure;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A new network namespace kept alive as a bind-mounted file (what {@code unshare --net=FILE} does),
 * made in-process: a short-lived thread unshares its own network namespace, binds it onto the file,
 * opens a netlink socket and the namespace itself there, and returns to the daemon's namespace. The
 * socket stays bound to the new namespace, so any thread can then configure it; the thread that
 * moved is gone, so no pooled thread is ever left in a container's namespace.
 *
 * @param socket netlink socket inside the new namespace
 * @param fd the namespace, open (for {@code IFLA_NET_NS_FD})
 */
record NetnsFile(NetlinkSocket socket, int fd) implements AutoCloseable {

  /** Creates the namespace and mounts it on {@code file}, which must exist (an empty file). */
  static NetnsFile create(String what, Path file) {
    AtomicReference<Object> result = new AtomicReference<>();
    Thread t = new Thread(() -> result.set(enterNew(what, file)), "jcompose-netns");
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuntimeFailure(what + ": interrupted while creating the network namespace", e);
    }
    if (result.get() instanceof RuntimeException e) {
      throw e;
    }
    return (NetnsFile) result.get();
  }

  /** Runs on its own thread, which ends in the new namespace if returning fails. */
  private static Object enterNew(String what, Path file) {
    SystemCalls.LibC c = SystemCalls.libc();
    int home = c.open("/proc/thread-self/ns/net", SystemCalls.O_RDONLY | SystemCalls.O_CLOEXEC);
    if (home < 0) {
      return SystemCalls.failure(what + ": opening /proc/thread-self/ns/net");
    }
    NetlinkSocket socket = null;
    int fd = -1;
    boolean mounted = false;
    try {
      if (c.unshare(SystemCalls.CLONE_NEWNET) != 0) {
        return SystemCalls.failure(what + ": creating a network namespace");
      }
      if (c.mount("/proc/thread-self/ns/net", file.toString(), null, SystemCalls.MS_BIND, null)
          != 0) {
        return SystemCalls.failure(what + ": binding the network namespace to " + file);
      }
      mounted = true;
      fd = c.open(file.toString(), SystemCalls.O_RDONLY | SystemCalls.O_CLOEXEC);
      if (fd < 0) {
        return SystemCalls.failure(what + ": opening " + file);
      }
      socket = NetlinkSocket.open(what);
      if (c.setns(home, SystemCalls.CLONE_NEWNET) != 0) {
        return SystemCalls.failure(what + ": returning to the daemon's network namespace");
      }
      NetnsFile created = new NetnsFile(socket, fd);
      socket = null;
      fd = -1;
      mounted = false;
      return created;
    } catch (RuntimeException e) {
      return e;
    } finally {
      if (socket != null) {
        socket.close();
      }
      if (fd >= 0) {
        c.close(fd);
      }
      if (mounted) {
        c.umount2(file.toString(), SystemCalls.MNT_DETACH);
      }
      c.close(home);
    }
  }

  /** Unmounts a namespace file; false when it was not mounted. */
  static boolean unmount(Path file) {
    return SystemCalls.libc().umount2(file.toString(), SystemCalls.MNT_DETACH) == 0;
  }

  @Override
  public void close() {
    socket.close();
    SystemCalls.libc().close(fd);
  }
}
