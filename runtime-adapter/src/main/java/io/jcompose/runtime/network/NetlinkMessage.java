package io.jcompose.runtime.network;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one netlink request: the 16-byte {@code nlmsghdr}, the family's fixed header, then
 * attributes ({@code rtattr}: 16-bit length, 16-bit type, value, padded to 4 bytes), nested ones
 * included. Numbers are in host byte order, as the kernel reads them; addresses are given as the
 * network-order bytes they are.
 */
final class NetlinkMessage {
  static final int HEADER = 16;
  static final short NLM_F_REQUEST = 0x1;
  static final short NLM_F_ACK = 0x4;
  static final short NLM_F_EXCL = 0x200;
  static final short NLM_F_CREATE = 0x400;

  private ByteBuffer buf = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());

  private NetlinkMessage(int type, int flags) {
    buf.putInt(0); // length, set by bytes()
    buf.putShort((short) type);
    buf.putShort((short) flags);
    buf.putInt(0); // sequence number, set by bytes()
    buf.putInt(0); // port id: 0 lets the kernel fill it in
  }

  /** A request of {@code type} that asks for an acknowledgement, plus {@code flags}. */
  static NetlinkMessage request(int type, int flags) {
    return new NetlinkMessage(type, NLM_F_REQUEST | NLM_F_ACK | flags);
  }

  /** Appends {@code struct ifinfomsg}. */
  NetlinkMessage ifinfo(int family, int index, int flags, int change) {
    room(16);
    buf.put((byte) family).put((byte) 0).putShort((short) 0);
    buf.putInt(index).putInt(flags).putInt(change);
    return this;
  }

  /** Appends {@code struct ifaddrmsg}. */
  NetlinkMessage ifaddr(int family, int prefix, int flags, int scope, int index) {
    room(8);
    buf.put((byte) family).put((byte) prefix).put((byte) flags).put((byte) scope).putInt(index);
    return this;
  }

  /** Appends {@code struct rtmsg}. */
  NetlinkMessage rtmsg(
      int family, int dstLen, int table, int protocol, int scope, int type, int flags) {
    room(12);
    buf.put((byte) family).put((byte) dstLen).put((byte) 0).put((byte) 0);
    buf.put((byte) table).put((byte) protocol).put((byte) scope).put((byte) type);
    buf.putInt(flags);
    return this;
  }

  NetlinkMessage attr(int type, byte[] value) {
    room(4 + value.length + 3);
    buf.putShort((short) (4 + value.length)).putShort((short) type).put(value);
    pad();
    return this;
  }

  NetlinkMessage u32(int type, int value) {
    byte[] v = new byte[4];
    ByteBuffer.wrap(v).order(ByteOrder.nativeOrder()).putInt(value);
    return attr(type, v);
  }

  /** A NUL-terminated string, as the kernel expects for names. */
  NetlinkMessage string(int type, String value) {
    byte[] s = value.getBytes(StandardCharsets.UTF_8);
    return attr(type, Arrays.copyOf(s, s.length + 1));
  }

  /** Opens a nested attribute; returns the mark {@link #end(int)} closes. */
  int nest(int type) {
    room(4);
    int mark = buf.position();
    buf.putShort((short) 0).putShort((short) type);
    return mark;
  }

  NetlinkMessage end(int mark) {
    buf.putShort(mark, (short) (buf.position() - mark));
    return this;
  }

  /** The finished message carrying sequence number {@code seq}. */
  byte[] bytes(int seq) {
    ByteBuffer b = buf.duplicate().order(ByteOrder.nativeOrder());
    b.putInt(0, buf.position());
    b.putInt(8, seq);
    return Arrays.copyOf(buf.array(), buf.position());
  }

  private void pad() {
    while (buf.position() % 4 != 0) {
      buf.put((byte) 0);
    }
  }

  private void room(int n) {
    if (buf.remaining() < n) {
      ByteBuffer bigger =
          ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + n))
              .order(ByteOrder.nativeOrder());
      bigger.put(buf.array(), 0, buf.position());
      buf = bigger;
    }
  }
}
