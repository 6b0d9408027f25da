package io.jcompose.scheduler.engine;

import static io.jcompose.scheduler.TestProjects.project;
import static io.jcompose.scheduler.TestProjects.service;
import static io.jcompose.scheduler.engine.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.api.Project;
import io.jcompose.model.api.ServicePort;
import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.NotFoundException;
import io.jcompose.scheduler.api.ContainerSummary;
import io.jcompose.scheduler.api.PortOptions;
import io.jcompose.scheduler.api.PortPublisher;
import io.jcompose.scheduler.api.PsOptions;
import io.jcompose.scheduler.api.UpOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Published ports through {@code up}, {@code ps} and {@code port} on the fake runtime. */
class PortsUpTest {

  @TempDir Path state;
  private EngineHarness h;

  @BeforeEach
  void harness() {
    h = new EngineHarness(state, 0, null);
  }

  @AfterEach
  void close() {
    h.close();
  }

  private void up(Project p) throws Exception {
    await(h.engine.up(p, UpOptions.defaults(), h.progress::add));
  }

  private String netKey(String container) {
    return h.runtime.spec(container).labels().get(ContainerNetworking.NETWORK_KEY);
  }

  private ContainerSummary ps(String project, String container) throws Exception {
    return await(h.engine.ps(project, new PsOptions(List.of(), true))).stream()
        .filter(c -> c.name().equals(container))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void up_hostPortHeldByAnotherProcessFailsNamingTheServiceAndLeavesItCreatedWithNothingOpen()
      throws Exception {
    h.infra.heldByOthers.put(8080, "pid 4242 (nc)");
    Project p =
        project(
            "shop",
            service("a").ports(List.of(ServicePort.tcp(80, "8081"))),
            service("b").ports(List.of(ServicePort.tcp(81, "8082"), ServicePort.tcp(80, "8080"))));

    assertThatThrownBy(() -> up(p))
        .isInstanceOf(ConflictException.class)
        .hasMessage(
            "service b: host port 0.0.0.0:8080/tcp is already in use by pid 4242 (nc); stop it or"
                + " publish another host port");

    assertThat(h.runtime.calls("start")).contains("shop-a-1").doesNotContain("shop-b-1");
    assertThat(ps("shop", "shop-b-1").state()).isEqualTo("created");
    assertThat(ps("shop", "shop-b-1").publishers()).isEmpty();
    assertThat(h.infra.published).doesNotContainKey(netKey("shop-b-1"));
    assertThat(h.infra.dnsRunning).doesNotContain(netKey("shop-b-1"));
    // Docker compose leaves what started before running; so does jcompose.
    assertThat(ps("shop", "shop-a-1").state()).isEqualTo("running");
    assertThat(h.infra.dnsRunning).contains(netKey("shop-a-1"));
  }

  @Test
  void up_startsTheServiceOnceTheHolderHasLetGoOfThePort() throws Exception {
    h.infra.heldByOthers.put(8080, "pid 4242 (nc)");
    Project p = project("shop", service("b").ports(List.of(ServicePort.tcp(80, "8080"))));
    assertThatThrownBy(() -> up(p)).isInstanceOf(ConflictException.class);

    h.infra.heldByOthers.clear();
    up(p);

    assertThat(ps("shop", "shop-b-1").state()).isEqualTo("running");
    assertThat(ps("shop", "shop-b-1").publishers())
        .containsExactly(new PortPublisher("0.0.0.0", 80, 8080, "tcp"));
    assertThat(h.infra.dnsRunning).contains(netKey("shop-b-1"));
  }

  @Test
  void up_scaledReplicaThatCannotGetItsPortIsNamedAndSoIsTheReplicaHoldingIt() throws Exception {
    Project p = project("shop", service("b").scale(2).ports(List.of(ServicePort.tcp(80, "8080"))));

    assertThatThrownBy(() -> up(p))
        .hasMessageMatching(
            "service b \\(shop-b-([12])\\): host port 0\\.0\\.0\\.0:8080/tcp is already in use by"
                + " container shop-b-(?!\\1)[12] \\(published by jcompose\\); stop it or publish"
                + " another host port");
  }

  @Test
  void psAndPort_reportTheHostPortChosenForAPortWithoutAPublishedOne() throws Exception {
    Project p =
        project(
            "shop",
            service("web")
                .ports(
                    List.of(
                        ServicePort.tcp(80, ""),
                        new ServicePort(null, 7000, "", "127.0.0.1", "udp", null, null))));

    up(p);

    List<PortPublisher> publishers = ps("shop", "shop-web-1").publishers();
    assertThat(publishers)
        .extracting(PortPublisher::targetPort, PortPublisher::protocol)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(80, "tcp"),
            org.assertj.core.groups.Tuple.tuple(7000, "udp"));
    assertThat(publishers).allSatisfy(pp -> assertThat(pp.publishedPort()).isPositive());
    PortPublisher tcp = publishers.get(0);
    PortPublisher udp = publishers.get(1);
    assertThat(await(h.engine.port("shop", new PortOptions("web", 80, null, 0))))
        .isEqualTo("0.0.0.0:" + tcp.publishedPort());
    assertThat(await(h.engine.port("shop", new PortOptions("web", 7000, "udp", 0))))
        .isEqualTo("127.0.0.1:" + udp.publishedPort());
    assertThat(await(h.engine.port("shop", new PortOptions("web", 80, "tcp", 1))))
        .isEqualTo("0.0.0.0:" + tcp.publishedPort());
  }

  @Test
  void port_printsAnIpv6HostAddressInBrackets() throws Exception {
    up(
        project(
            "shop",
            service("web")
                .ports(List.of(new ServicePort(null, 80, "8080", "::", "tcp", null, null)))));

    assertThat(await(h.engine.port("shop", new PortOptions("web", 80, "tcp", 0))))
        .isEqualTo("[::]:8080");
  }

  @Test
  void port_failsNamingServiceAndPortWhenThePortIsNotPublished() throws Exception {
    up(project("shop", service("web").ports(List.of(ServicePort.tcp(80, "8080")))));

    assertThatThrownBy(() -> await(h.engine.port("shop", new PortOptions("web", 81, null, 0))))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("service web does not publish port 81/tcp; it publishes 80/tcp");
    assertThatThrownBy(() -> await(h.engine.port("shop", new PortOptions("web", 80, "udp", 0))))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("service web does not publish port 80/udp; it publishes 80/tcp");
  }
}
