package io.jcompose.scheduler.engine;

import static io.jcompose.scheduler.TestProjects.network;
import static io.jcompose.scheduler.TestProjects.pool;
import static io.jcompose.scheduler.TestProjects.project;
import static io.jcompose.scheduler.TestProjects.service;
import static io.jcompose.scheduler.TestProjects.withNetwork;
import static io.jcompose.scheduler.engine.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.api.NetworkDefinition;
import io.jcompose.model.api.Project;
import io.jcompose.model.api.ServiceNetwork;
import io.jcompose.runtime.api.EndpointSpec;
import io.jcompose.runtime.api.NetworkInfo;
import io.jcompose.scheduler.api.DownOptions;
import io.jcompose.scheduler.api.UpOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a project's network configuration reaches the network driver on {@code up}. */
class UpNetworksTest {

  @TempDir Path state;
  private EngineHarness h;

  @BeforeEach
  void open() {
    h = new EngineHarness(state, 0, null);
  }

  @AfterEach
  void close() {
    h.close();
  }

  private void up(Project p) throws Exception {
    await(h.engine.up(p, UpOptions.defaults(), h.progress::add));
  }

  private List<String> warnings() {
    return h.progress.stream().map(e -> e.detail()).filter(d -> d != null).toList();
  }

  private static ServiceNetwork on(List<String> aliases, String mac) {
    return new ServiceNetwork(aliases, null, null, null, mac, null, null, null, null);
  }

  @Test
  void up_createsTheNetworkWithItsIpamPoolMtuAndLabels() throws Exception {
    NetworkDefinition back =
        new NetworkDefinition(
            "back",
            "shop_back",
            null,
            Map.of("com.docker.network.driver.mtu", "1400"),
            new NetworkDefinition.Ipam(
                null, List.of(pool("10.44.0.0/16", "10.44.8.0/24", "10.44.0.254")), null),
            false,
            true,
            false,
            null,
            null,
            Map.of("team", "db"),
            null);
    up(
        withNetwork(
            project("shop", service("db").networks(Map.of("back", ServiceNetwork.plain()))), back));

    assertThat(h.infra.networkSpecs.get("shop_back"))
        .satisfies(
            spec -> {
              assertThat(spec.subnet()).isEqualTo("10.44.0.0/16");
              assertThat(spec.ipRange()).isEqualTo("10.44.8.0/24");
              assertThat(spec.gateway()).isEqualTo("10.44.0.254");
              assertThat(spec.mtu()).isEqualTo(1400);
              assertThat(spec.internal()).isTrue();
              assertThat(spec.labels())
                  .containsEntry("team", "db")
                  .containsEntry("com.docker.compose.project", "shop")
                  .containsEntry("com.docker.compose.network", "back");
            });
  }

  @Test
  void up_passesComposeAliasesToTheAttachRequest() throws Exception {
    up(
        project(
            "shop",
            service("db").networks(Map.of("default", on(List.of("database", "pg"), null)))));

    assertThat(h.infra.attachments.values())
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.endpoints())
                    .singleElement()
                    .satisfies(
                        e -> assertThat(e.aliases()).containsSubsequence("db", "database", "pg")));
  }

  @Test
  void up_attachesToAnExistingExternalNetworkWithoutCreatingItAndDownKeepsIt() throws Exception {
    h.infra.networks.put(
        "corp-net",
        new NetworkInfo("corp-net", "br-corp", "10.77.0.0/24", "10.77.0.1", false, Map.of()));
    NetworkDefinition outside =
        new NetworkDefinition(
            "outside", "corp-net", null, null, null, true, false, false, null, null, null, null);
    Project p =
        withNetwork(
            project("shop", service("web").networks(Map.of("outside", ServiceNetwork.plain()))),
            outside);

    up(p);

    assertThat(h.infra.networkSpecs).doesNotContainKey("corp-net");
    assertThat(h.infra.attachments.values())
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.endpoints())
                    .extracting(EndpointSpec::network)
                    .containsExactly("corp-net"));

    await(h.engine.down("shop", DownOptions.defaults(), h.progress::add));

    assertThat(h.infra.attachments).isEmpty();
    assertThat(h.infra.networks).containsKey("corp-net");
  }

  @Test
  void up_givesTheServiceMacAddressToTheFirstEndpointOnlyWithoutWarning() throws Exception {
    Project p =
        withNetwork(
            project(
                "shop",
                service("web")
                    .macAddress("02:42:ac:11:00:02")
                    .networks(
                        Map.of(
                            "default", on(null, null),
                            "back", on(null, null),
                            "mgmt", on(null, "02:42:ac:11:00:99")))),
            network("shop", "back", Map.of()));
    p = withNetwork(p, network("shop", "mgmt", Map.of()));

    up(p);

    assertThat(h.infra.attachments.values())
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.endpoints())
                    .extracting(EndpointSpec::network, EndpointSpec::macAddress)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("shop_back", "02:42:ac:11:00:02"),
                        org.assertj.core.groups.Tuple.tuple("shop_default", null),
                        org.assertj.core.groups.Tuple.tuple("shop_mgmt", "02:42:ac:11:00:99")));
    assertThat(warnings()).noneMatch(w -> w.contains("mac_address"));
  }

  @Test
  void up_usesTheFirstIpv4PoolAndWarnsThatAnIpv6PoolIsIgnored() throws Exception {
    Project p =
        withNetwork(
            project("shop", service("web")),
            network(
                "shop",
                "default",
                Map.of(),
                pool("fd00::/64", null, null),
                pool("10.45.0.0/24", null, null)));

    up(p);

    assertThat(h.infra.networkSpecs.get("shop_default").subnet()).isEqualTo("10.45.0.0/24");
    assertThat(warnings())
        .containsOnlyOnce(
            "networks.default.ipam.config[0]: IPv6 pool fd00::/64 is not supported yet; ignored");
  }
}
