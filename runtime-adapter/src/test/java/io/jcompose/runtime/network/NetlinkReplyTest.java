package io.jcompose.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Answers of the kernel, built as it lays them out, folded into one reply per request. */
class NetlinkReplyTest {

  @Test
  void ackWithErrorZeroIsSuccess() {
    NetlinkReply r = NetlinkReply.pending().read(ack(5, 0, null), ack(5, 0, null).length, 5);
    assertThat(r).isEqualTo(new NetlinkReply(true, 0, null, 0));
  }

  @Test
  void errorCarriesTheErrnoAndTheKernelsExtendedAckText() {
    byte[] m = ack(9, -17, "Device or resource busy here");
    NetlinkReply r = NetlinkReply.pending().read(m, m.length, 9);
    assertThat(r.done()).isTrue();
    assertThat(r.errno()).isEqualTo(17);
    assertThat(r.detail()).isEqualTo("Device or resource busy here");
  }

  @Test
  void getLinkAnswerThenAckInOneDatagramGiveTheIndex() {
    byte[] datagram = concat(newLink(3, 42), ack(3, 0, null));
    NetlinkReply r = NetlinkReply.pending().read(datagram, datagram.length, 3);
    assertThat(r).isEqualTo(new NetlinkReply(true, 0, null, 42));
  }

  @Test
  void messagesOfOtherRequestsAreIgnoredAndTheReplyStaysPending() {
    byte[] datagram = concat(newLink(2, 42), ack(2, -1, null));
    NetlinkReply r = NetlinkReply.pending().read(datagram, datagram.length, 3);
    assertThat(r).isEqualTo(NetlinkReply.pending());
  }

  @Test
  void aTruncatedDatagramStopsTheParseWithoutFailing() {
    byte[] m = ack(4, 0, null);
    NetlinkReply r = NetlinkReply.pending().read(m, m.length - 4, 4);
    assertThat(r.done()).isFalse();
  }

  @Test
  void errnoTextNamesTheConstant() {
    assertThat(SystemCalls.describe(17)).isEqualTo("File exists (EEXIST)");
    assertThat(SystemCalls.describe(99999)).isEqualTo("errno 99999");
  }

  /** NLMSG_ERROR for {@code seq}, the request header capped, optionally with a message TLV. */
  private static byte[] ack(int seq, int error, String text) {
    byte[] tlv = new byte[0];
    if (text != null) {
      byte[] s = text.getBytes(StandardCharsets.UTF_8);
      int len = 4 + s.length + 1;
      tlv = new byte[(len + 3) & ~3];
      ByteBuffer.wrap(tlv)
          .order(ByteOrder.nativeOrder())
          .putShort((short) len)
          .putShort((short) 1)
          .put(s);
    }
    int flags = NetlinkReply.NLM_F_CAPPED | (text != null ? NetlinkReply.NLM_F_ACK_TLVS : 0);
    ByteBuffer b = ByteBuffer.allocate(16 + 4 + 16 + tlv.length).order(ByteOrder.nativeOrder());
    b.putInt(b.capacity()).putShort((short) 2).putShort((short) flags).putInt(seq).putInt(77);
    b.putInt(error);
    b.putInt(140).putShort((short) 16).putShort((short) 0x605).putInt(seq).putInt(0);
    b.put(tlv);
    return b.array();
  }

  /** An RTM_NEWLINK answer for {@code seq} describing link {@code index}, with one attribute. */
  private static byte[] newLink(int seq, int index) {
    ByteBuffer b = ByteBuffer.allocate(16 + 16 + 12).order(ByteOrder.nativeOrder());
    b.putInt(b.capacity()).putShort((short) 16).putShort((short) 0).putInt(seq).putInt(77);
    b.put((byte) 0).put((byte) 0).putShort((short) 1).putInt(index).putInt(0x1003).putInt(0);
    b.putShort((short) 9).putShort((short) 3).put("eth0".getBytes(StandardCharsets.US_ASCII));
    return b.array();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
