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

  private Message query(String name, int type, boolean tcp) throws Exception {
    SimpleResolver r = new SimpleResolver("127.0.0.1");
    r.setPort(port);
    r.setTCP(tcp);
    r.setTimeout(java.time.Duration.ofSeconds(3));
    return r.send(Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, 1)));
  }

  private static List<String> addresses(Message m) {
    return m.getSection(Section.ANSWER).stream().map(r -> r.rdataToString()).toList();
  }
}
