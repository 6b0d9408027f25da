package io.jcompose.runtime.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Answers a query from the table, or says that it must be forwarded. Names the networks know are
 * answered with every address (rotated per query so clients spread over replicas) and a TTL of 0: a
 * client must ask again rather than keep an address of a container that has stopped. A reverse name
 * ({@code in-addr.arpa}) of a container address on the client's networks gets that container's PTR
 * record the same way.
 */
final class DnsAnswers {
  private final AtomicInteger rotation = new AtomicInteger();

  /** A parsed query with what to do about it: the local answer, or null to forward. */
  record Outcome(Message query, byte[] localAnswer) {}

  Outcome answer(byte[] wire, DnsTable table, String source, String network, boolean udp)
      throws IOException {
    Message query = new Message(wire);
    Record question = query.getQuestion();
    if (question == null || query.getHeader().getOpcode() != 0) {
      return new Outcome(query, error(query, Rcode.NOTIMP, udp));
    }
    String name = question.getName().toString();
    List<String> addresses = table.lookup(name, source, network);
    // A reverse name of an address on the client's networks; any other goes upstream.
    List<String> pointers = addresses.isEmpty() ? table.pointers(name, source, network) : List.of();
    if (addresses.isEmpty() && pointers.isEmpty()) {
      return new Outcome(query, null);
    }
    Message response = reply(query, Rcode.NOERROR);
    response.getHeader().setFlag(Flags.AA);
    int type = question.getType();
    if ((type == Type.PTR || type == Type.ANY) && !pointers.isEmpty()) {
      addPointers(response, question.getName(), pointers);
    }
    if ((type == Type.A || type == Type.ANY) && !addresses.isEmpty()) {
      List<String> rotated = new ArrayList<>(addresses);
      Collections.rotate(rotated, -Math.floorMod(rotation.getAndIncrement(), rotated.size()));
      for (String address : rotated) {
        response.addRecord(
            new ARecord(question.getName(), DClass.IN, 0, inet(address)), Section.ANSWER);
      }
    }
    // Other types of a known name (AAAA…) get an empty NOERROR: the name exists, IPv4 only.
    return new Outcome(query, wire(response, query, udp));
  }

  private static void addPointers(Message response, Name owner, List<String> targets) {
    for (String target : targets) {
      try {
        response.addRecord(
            new PTRRecord(owner, DClass.IN, 0, Name.fromString(target, Name.root)), Section.ANSWER);
      } catch (TextParseException e) {
        // A container or network name too long for a DNS label: that record is left out.
      }
    }
  }

  byte[] error(Message query, int rcode, boolean udp) {
    return wire(reply(query, rcode), query, udp);
  }

  private static Message reply(Message query, int rcode) {
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.RA);
    if (query.getHeader().getFlag(Flags.RD)) {
      response.getHeader().setFlag(Flags.RD);
    }
    response.getHeader().setRcode(rcode);
    if (query.getQuestion() != null) {
      response.addRecord(query.getQuestion(), Section.QUESTION);
    }
    return response;
  }

  /**
   * An upstream's answer cut to what a UDP client accepts: as it is when it fits, else truncated to
   * whole records with the TC flag, so the client asks again over TCP.
   */
  byte[] fit(byte[] answer, Message query) {
    int max = udpLimit(query);
    if (answer.length <= max) {
      return answer;
    }
    try {
      return truncated(new Message(answer), max);
    } catch (IOException e) {
      return error(query, Rcode.SERVFAIL, true);
    }
  }

  private static byte[] wire(Message response, Message query, boolean udp) {
    byte[] whole = response.toWire();
    int max = udpLimit(query);
    return !udp || whole.length <= max ? whole : truncated(response, max);
  }

  /**
   * As many records as fit in {@code max} bytes, with TC set. Unlike dnsjava's own truncation,
   * which drops the whole set of 40 replicas' addresses, this keeps the addresses that fit (as
   * Docker's resolver does): a client that does not retry over TCP (older musl) still gets some.
   */
  private static byte[] truncated(Message m, int max) {
    m.getHeader().setFlag(Flags.TC);
    for (int section : new int[] {Section.ADDITIONAL, Section.AUTHORITY, Section.ANSWER}) {
      List<Record> records = m.getSection(section);
      for (int i = records.size() - 1; i >= 0 && m.toWire().length > max; i--) {
        if (records.get(i).getType() != Type.OPT) {
          m.removeRecord(records.get(i), section);
        }
      }
    }
    return m.toWire();
  }

  /** 512 bytes (RFC 1035), or the larger size the client offers with EDNS. */
  private static int udpLimit(Message query) {
    OPTRecord opt = query.getOPT();
    return opt == null ? 512 : Math.max(512, opt.getPayloadSize());
  }

  private static InetAddress inet(String address) {
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("not an address: " + address, e);
    }
  }
}
