package io.jcompose.runtime.network;

import io.jcompose.runtime.api.RuntimeFailure;

/**
 * An rtnetlink socket ({@code NETLINK_ROUTE}) bound to the network namespace of the thread that
 * opened it, for as long as it is open, whichever thread then uses it. Requests are sent one at a
 * time and each waits for its acknowledgement; rtnetlink answers before {@code sendto} returns, so
 * the wait is a copy, not a sleep. Not thread-safe: every endpoint operation opens its own sockets,
 * so concurrent operations never share one (or its sequence numbers).
 */
final class NetlinkSocket implements AutoCloseable {
  private static final int NETLINK_ROUTE = 0;
  private static final int SOL_NETLINK = 270;
  private static final int NETLINK_CAP_ACK = 10;
  private static final int NETLINK_EXT_ACK = 11;

  /** {@code struct sockaddr_nl} of the kernel: family AF_NETLINK, port 0, no groups. */
  private static final byte[] KERNEL = kernelAddress();

  private final int fd;
  private final byte[] in = new byte[32 * 1024];
  private int seq;

  private NetlinkSocket(int fd) {
    this.fd = fd;
  }

  /** Opens a socket in the calling thread's network namespace. */
  static NetlinkSocket open(String what) {
    SystemCalls.LibC c = SystemCalls.libc();
    int fd =
        c.socket(
            SystemCalls.AF_NETLINK, SystemCalls.SOCK_RAW | SystemCalls.SOCK_CLOEXEC, NETLINK_ROUTE);
    if (fd < 0) {
      throw SystemCalls.failure(what + ": opening a netlink socket");
    }
    // Errors then carry the kernel's own text, and do not echo the whole request back.
    c.setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, new int[] {1}, 4);
    c.setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, new int[] {1}, 4);
    return new NetlinkSocket(fd);
  }

  /**
   * Sends one request and waits for its answer.
   *
   * @param what the step, for the error message ({@code container x: creating veth y})
   * @return the answer; a kernel error throws {@link RuntimeFailure} naming the step and errno
   */
  NetlinkReply call(String what, NetlinkMessage request) {
    return check(what, tryCall(what, request));
  }

  /** Returns {@code r}, or throws its kernel error as one line naming {@code what}. */
  static NetlinkReply check(String what, NetlinkReply r) {
    if (r.errno() != 0) {
      String detail = r.detail() == null || r.detail().isBlank() ? "" : " (" + r.detail() + ")";
      throw new RuntimeFailure(what + ": " + SystemCalls.describe(r.errno()) + detail);
    }
    return r;
  }

  /** Like {@link #call} but returns a kernel error in the reply instead of throwing. */
  NetlinkReply tryCall(String what, NetlinkMessage request) {
    SystemCalls.LibC c = SystemCalls.libc();
    int s = ++seq;
    byte[] out = request.bytes(s);
    long sent;
    do {
      sent = c.sendto(fd, out, out.length, 0, KERNEL, KERNEL.length);
    } while (sent < 0 && SystemCalls.errno() == SystemCalls.EINTR);
    if (sent != out.length) {
      throw SystemCalls.failure(what + ": sending to the kernel");
    }
    NetlinkReply r = NetlinkReply.pending();
    while (!r.done()) {
      long n = c.recv(fd, in, in.length, 0);
      if (n < 0) {
        if (SystemCalls.errno() == SystemCalls.EINTR) {
          continue;
        }
        throw SystemCalls.failure(what + ": reading the kernel's answer");
      }
      r = r.read(in, (int) n, s);
    }
    return r;
  }

  /** The index of the link called {@code name} in this socket's namespace. */
  int linkIndex(String what, String name) {
    int index = call(what + ": looking up " + name, RouteRequests.getLink(name)).linkIndex();
    if (index <= 0) {
      throw new RuntimeFailure(what + ": the kernel did not report the index of " + name);
    }
    return index;
  }

  private static byte[] kernelAddress() {
    byte[] a = new byte[12];
    java.nio.ByteBuffer.wrap(a)
        .order(java.nio.ByteOrder.nativeOrder())
        .putShort((short) SystemCalls.AF_NETLINK);
    return a;
  }

  @Override
  public void close() {
    SystemCalls.libc().close(fd);
  }
}
