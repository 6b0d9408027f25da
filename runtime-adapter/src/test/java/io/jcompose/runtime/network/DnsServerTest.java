package io.jcompose.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.runtime.dns.DnsServer;
import io.jcompose.runtime.dns.DnsTable;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The DNS server on loopback: local answers, isolation by client, rotation, TCP, forwarding. */
class DnsServerTest {
  private Vertx vertx;
  private FakeUpstream upstream;
  private DnsServer server;
  private int port;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    upstream = new FakeUpstream(vertx);
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = new DnsServer(vertx, port, () -> List.of("127.0.0.1"), upstream.port);
    NetworkDriverIT.await(server.listen("p_a", "127.0.0.1"));
  }

  @AfterEach
  void stop() {
    NetworkDriverIT.await(server.closeAll());
    upstream.close();
    vertx.close();
  }

  @Test
  void answersEveryReplicaRotatedWithTtlZero() throws Exception {
    server.update(
        new DnsTable.Builder()
            .name("p_a", "api", "10.0.0.2")
            .name("p_a", "api", "10.0.0.3")
            .name("p_a", "api", "10.0.0.4")
            .build());

    List<String> first = addresses(query("api", Type.A, false));
    List<String> second = addresses(query("API.", Type.A, false));
    assertThat(first).containsExactlyInAnyOrder("10.0.0.2", "10.0.0.3", "10.0.0.4");
    assertThat(second).containsExactlyInAnyOrderElementsOf(first);
    assertThat(second.get(0)).isNotEqualTo(first.get(0));
    assertThat(query("api", Type.A, false).getSection(Section.ANSWER).get(0).getTTL()).isZero();
  }

  @Test
  void knownNameHasNoAaaaButNoErrorAndTcpWorks() throws Exception {
    server.update(new DnsTable.Builder().name("p_a", "web", "10.0.0.9").build());

    Message aaaa = query("web", Type.AAAA, false);
    assertThat(aaaa.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(aaaa.getSection(Section.ANSWER)).isEmpty();
    assertThat(addresses(query("web", Type.A, true))).containsExactly("10.0.0.9");
  }

  @Test
  void clientSeesOnlyNamesOfItsOwnNetworks() throws Exception {
    server.update(
        new DnsTable.Builder()
            .name("p_a", "web", "10.0.0.9")
            .name("p_b", "secret", "10.1.0.9")
            .client("127.0.0.1", List.of("p_a"), List.of())
            .build());

    assertThat(addresses(query("web", Type.A, false))).containsExactly("10.0.0.9");
    assertThat(query("secret", Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  @Test
  void unknownNamesGoUpstreamAndStoppedContainersVanishAtOnce() throws Exception {
    assertThat(addresses(query("outside.example", Type.A, false)))
        .containsExactly(FakeUpstream.ADDRESS);

    server.update(new DnsTable.Builder().name("p_a", "db", "10.0.0.7").build());
    assertThat(addresses(query("db", Type.A, false))).containsExactly("10.0.0.7");
    server.update(DnsTable.EMPTY);
    assertThat(query("db", Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  @Test
  void aContainersOwnDnsServersReceiveItsForwardedQueriesInsteadOfTheHosts() throws Exception {
    try (FakeUpstream own = new FakeUpstream(vertx, "127.0.0.2", upstream.port)) {
      server.update(
          new DnsTable.Builder().client("127.0.0.1", List.of("p_a"), List.of("127.0.0.2")).build());

      assertThat(addresses(query("outside.example", Type.A, false)))
          .containsExactly(FakeUpstream.ADDRESS);
      assertThat(own.queries.get()).isEqualTo(1);
      assertThat(upstream.queries.get()).isZero();

      server.update(DnsTable.EMPTY);
      assertThat(addresses(query("outside.example", Type.A, false)))
          .containsExactly(FakeUpstream.ADDRESS);
      assertThat(upstream.queries.get()).isEqualTo(1);
      assertThat(own.queries.get()).isEqualTo(1);
    }
  }

  @Test
  void reverseLookupOfAContainerAddressGivesContainerDotNetworkLocally() throws Exception {
    server.update(
        new DnsTable.Builder()
            .name("p_a", "proj-web-1", "10.0.0.9")
            .pointer("p_a", "10.0.0.9", "proj-web-1")
            .client("127.0.0.1", List.of("p_a"), List.of())
            .build());

    Message ptr = query("9.0.0.10.in-addr.arpa", Type.PTR, false);
    assertThat(ptr.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(ptr.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(addresses(ptr)).containsExactly("proj-web-1.p_a.");
    assertThat(ptr.getSection(Section.ANSWER).get(0).getTTL()).isZero();
    assertThat(addresses(query("9.0.0.10.IN-ADDR.ARPA.", Type.PTR, true)))
        .containsExactly("proj-web-1.p_a.");
    assertThat(upstream.queries.get() + upstream.tcpQueries.get()).isZero();
  }

  @Test
  void reverseLookupOfAnAddressOnAnotherNetworkOrNoContainerGoesUpstream() throws Exception {
    server.update(
        new DnsTable.Builder()
            .pointer("p_a", "10.0.0.9", "proj-web-1")
            .pointer("p_b", "10.1.0.9", "proj-secret-1")
            .client("127.0.0.1", List.of("p_a"), List.of())
            .build());

    assertThat(query("9.0.1.10.in-addr.arpa", Type.PTR, false).getSection(Section.ANSWER))
        .isEmpty();
    assertThat(query("8.0.0.10.in-addr.arpa", Type.PTR, false).getSection(Section.ANSWER))
        .isEmpty();
    query("0.0.10.in-addr.arpa", Type.PTR, false);
    assertThat(upstream.queries.get()).isEqualTo(3);
    server.update(DnsTable.EMPTY);
    query("9.0.0.10.in-addr.arpa", Type.PTR, false);
    assertThat(upstream.queries.get()).as("a stopped container's PTR goes too").isEqualTo(4);
  }

  @Test
  void answerTooBigForUdpIsTruncatedWithTcAndWholeOverTcp() throws Exception {
    DnsTable.Builder b = new DnsTable.Builder();
    for (int i = 1; i <= 40; i++) {
      b.name("p_a", "api", "10.0.1." + i);
    }
    server.update(b.build());

    Message udp = send("api", false, 0);
    assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
    assertThat(udp.toWire().length).isLessThanOrEqualTo(512);
    assertThat(addresses(udp)).hasSizeBetween(1, 39);
    Message tcp = send("api", true, 0);
    assertThat(tcp.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(addresses(tcp)).hasSize(40);
    assertThat(addresses(send("api", false, 1232))).as("EDNS 1232 holds 40 A records").hasSize(40);
  }

  @Test
  void aTcpClientsQueryIsForwardedOverTcp() throws Exception {
    Message m = send(FakeUpstream.BIG, true, 0);

    assertThat(addresses(m)).hasSize(FakeUpstream.BIG_COUNT);
    assertThat(upstream.tcpQueries.get()).isEqualTo(1);
    assertThat(upstream.queries.get()).isZero();
  }

  @Test
  void aTruncatedUpstreamUdpAnswerIsFetchedAgainOverTcpAndFittedToTheClient() throws Exception {
    Message edns = send(FakeUpstream.BIG, false, 1232);
    assertThat(edns.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(addresses(edns)).hasSize(FakeUpstream.BIG_COUNT);
    assertThat(upstream.queries.get()).isEqualTo(1);
    assertThat(upstream.tcpQueries.get()).isEqualTo(1);

    Message plain = send(FakeUpstream.BIG, false, 0);
    assertThat(plain.getHeader().getFlag(Flags.TC)).isTrue();
    assertThat(plain.toWire().length).isLessThanOrEqualTo(512);
  }

  private Message query(String name, int type, boolean tcp) throws Exception {
    SimpleResolver r = new SimpleResolver("127.0.0.1");
    r.setPort(port);
    r.setTCP(tcp);
    r.setTimeout(java.time.Duration.ofSeconds(3));
    return r.send(Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, 1)));
  }

  /** An A query that keeps a truncated UDP answer; {@code ednsPayload} 0 sends no EDNS. */
  private Message send(String name, boolean tcp, int ednsPayload) throws Exception {
    SimpleResolver r = new SimpleResolver("127.0.0.1");
    r.setPort(port);
    r.setTCP(tcp);
    r.setIgnoreTruncation(true);
    if (ednsPayload == 0) {
      r.setEDNS(-1);
    } else {
      r.setEDNS(0, ednsPayload, 0, List.of());
    }
    r.setTimeout(java.time.Duration.ofSeconds(5));
    return r.send(Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), Type.A, 1)));
  }

  private static List<String> addresses(Message m) {
    return m.getSection(Section.ANSWER).stream().map(r -> r.rdataToString()).toList();
  }
}
