package io.jcompose.runtime.network;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * What the kernel answered to one request, read from the datagrams that carry its sequence number:
 * the acknowledgement ({@code NLMSG_ERROR}, error 0 for success, else a negated errno with the
 * kernel's extended-ack text when it gave one) and, for {@code RTM_GETLINK}, the link's index.
 *
 * @param done whether the acknowledgement has arrived
 * @param errno 0 on success, else the errno
 * @param detail the kernel's own message for the error, or null
 * @param linkIndex the index from an {@code RTM_NEWLINK} answer, or 0
 */
record NetlinkReply(boolean done, int errno, String detail, int linkIndex) {
  static final int NLMSG_ERROR = 2;
  static final int NLM_F_CAPPED = 0x100;
  static final int NLM_F_ACK_TLVS = 0x200;
  static final int NLMSGERR_ATTR_MSG = 1;

  static NetlinkReply pending() {
    return new NetlinkReply(false, 0, null, 0);
  }

  /** Folds the messages of one datagram that answer {@code seq} into this reply. */
  NetlinkReply read(byte[] datagram, int length, int seq) {
    ByteBuffer b = ByteBuffer.wrap(datagram, 0, length).order(ByteOrder.nativeOrder());
    NetlinkReply r = this;
    int at = 0;
    while (at + NetlinkMessage.HEADER <= length) {
      int len = b.getInt(at);
      if (len < NetlinkMessage.HEADER || at + len > length) {
        break;
      }
      int type = b.getShort(at + 4) & 0xffff;
      int flags = b.getShort(at + 6) & 0xffff;
      if (b.getInt(at + 8) == seq) {
        if (type == NLMSG_ERROR) {
          r = error(b, at, len, flags, r.linkIndex);
        } else if (type == RouteRequests.RTM_NEWLINK && len >= NetlinkMessage.HEADER + 16) {
          r = new NetlinkReply(r.done, r.errno, r.detail, b.getInt(at + NetlinkMessage.HEADER + 4));
        }
      }
      at += (len + 3) & ~3;
    }
    return r;
  }

  private static NetlinkReply error(ByteBuffer b, int at, int len, int flags, int linkIndex) {
    int body = at + NetlinkMessage.HEADER;
    int errno = -b.getInt(body);
    String detail = null;
    if (errno != 0 && (flags & NLM_F_ACK_TLVS) != 0) {
      int echoed = (flags & NLM_F_CAPPED) != 0 ? NetlinkMessage.HEADER : b.getInt(body + 4);
      int attr = body + 4 + ((echoed + 3) & ~3);
      while (attr + 4 <= at + len) {
        int alen = b.getShort(attr) & 0xffff;
        int atype = b.getShort(attr + 2) & 0x3fff;
        if (alen < 4 || attr + alen > at + len) {
          break;
        }
        if (atype == NLMSGERR_ATTR_MSG) {
          detail = cString(b, attr + 4, alen - 4);
        }
        attr += (alen + 3) & ~3;
      }
    }
    return new NetlinkReply(true, errno, detail, linkIndex);
  }

  private static String cString(ByteBuffer b, int from, int max) {
    int n = 0;
    while (n < max && b.get(from + n) != 0) {
      n++;
    }
    byte[] s = new byte[n];
    b.get(from, s);
    return new String(s, StandardCharsets.UTF_8);
  }
}
