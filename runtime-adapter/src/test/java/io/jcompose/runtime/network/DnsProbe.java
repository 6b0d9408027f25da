package io.jcompose.runtime.network;

import java.time.Duration;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A DNS client for a child JVM inside a container's network namespace: asks {@code args[0]} port 53
 * for the A records of {@code args[1]} over UDP without EDNS (a 512-byte answer, kept even when
 * truncated) and over TCP, and prints {@code udp tc=<flag> n=<answers>} and {@code tcp ...}.
 */
final class DnsProbe {
  private DnsProbe() {}

  public static void main(String[] args) throws Exception {
    for (boolean tcp : new boolean[] {false, true}) {
      SimpleResolver r = new SimpleResolver(args[0]);
      r.setTCP(tcp);
      r.setIgnoreTruncation(true);
      r.setEDNS(-1);
      r.setTimeout(Duration.ofSeconds(5));
      Message m =
          r.send(
              Message.newQuery(Record.newRecord(Name.fromString(args[1], Name.root), Type.A, 1)));
      System.out.println(
          (tcp ? "tcp" : "udp")
              + " tc="
              + m.getHeader().getFlag(Flags.TC)
              + " n="
              + m.getSection(Section.ANSWER).size());
    }
  }
}
