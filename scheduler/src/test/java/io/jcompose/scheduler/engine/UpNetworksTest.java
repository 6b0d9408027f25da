package io.jcompose.scheduler.engine;

import static io.jcompose.scheduler.TestProjects.network;
import static io.jcompose.scheduler.TestProjects.pool;
import static io.jcompose.scheduler.TestProjects.project;
import static io.jcompose.scheduler.TestProjects.service;
import static io.jcompose.scheduler.TestProjects.withNetwork;
import static io.jcompose.scheduler.engine.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  // The endpoints of the one container the test attached.
  private List<EndpointSpec> endpoints() {
    assertThat(h.infra.attachments).hasSize(1);
    return h.infra.attachments.values().iterator().next().endpoints();
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
    assertThat(endpoints()).extracting(EndpointSpec::network).containsExactly("corp-net");

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
  void up_passesEachNetworksGwPriorityToTheAttachRequestWithoutWarning() throws Exception {
    ServiceNetwork preferred =
        new ServiceNetwork(null, null, null, null, null, null, null, 7, null);
    Project p =
        withNetwork(
            project(
                "shop",
                service("web").networks(Map.of("default", on(null, null), "back", preferred))),
            network("shop", "back", Map.of()));

    up(p);

    assertThat(endpoints())
        .extracting(EndpointSpec::network, EndpointSpec::gwPriority)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("shop_back", 7),
            org.assertj.core.groups.Tuple.tuple("shop_default", 0));
    assertThat(warnings()).noneMatch(w -> w.contains("gw_priority"));
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

  private List<String> warningsFor(Project p) throws Exception {
    up(p);
    return warnings().stream()
        .filter(w -> w.startsWith("networks.") || w.contains(".networks."))
        .toList();
  }

  @Test
  void up_warnsOnceEachAboutNetworkDriverOptionsAttachableAndDisabledIpv4() throws Exception {
    NetworkDefinition back =
        new NetworkDefinition(
            "back",
            "shop_back",
            "overlay",
            Map.of(
                "com.docker.network.driver.mtu", "1450",
                "com.docker.network.bridge.name", "br-x",
                "com.docker.network.bridge.enable_icc", "false"),
            null,
            false,
            false,
            true,
            false,
            null,
            null,
            null);
    Project p =
        withNetwork(
            project(
                "shop",
                service("web").networks(Map.of("back", ServiceNetwork.plain())),
                service("api").networks(Map.of("back", ServiceNetwork.plain()))),
            back);

    assertThat(warningsFor(p))
        .containsExactly(
            "networks.back.driver: \"overlay\" is not supported; the network is a bridge",
            "networks.back.driver_opts: com.docker.network.bridge.enable_icc,"
                + " com.docker.network.bridge.name: not supported by jcompose; ignored",
            "networks.back.enable_ipv4: false is not supported; the network gets IPv4",
            "networks.back.attachable: not supported by jcompose; ignored");
    assertThat(h.infra.networkSpecs.get("shop_back").mtu()).isEqualTo(1450);
  }

  @Test
  void up_warnsOnceEachAboutIpamDriverOptionsExtraPoolsAndAuxAddresses() throws Exception {
    NetworkDefinition back =
        new NetworkDefinition(
            "back",
            "shop_back",
            null,
            null,
            new NetworkDefinition.Ipam(
                "dhcp",
                List.of(
                    new NetworkDefinition.IpamPool(
                        "10.46.0.0/24", null, null, Map.of("router", "10.46.0.5")),
                    pool("10.47.0.0/24", null, null)),
                Map.of("foo", "bar")),
            false,
            false,
            false,
            null,
            null,
            null,
            null);
    Project p =
        withNetwork(
            project("shop", service("web").networks(Map.of("back", ServiceNetwork.plain()))), back);

    assertThat(warningsFor(p))
        .containsExactly(
            "networks.back.ipam.driver: \"dhcp\" is not supported; jcompose assigns addresses",
            "networks.back.ipam.options: not supported by jcompose; ignored",
            "networks.back.ipam.config[0].aux_addresses: not supported by jcompose; ignored",
            "networks.back.ipam.config[1]: only the first IPv4 pool is used; 10.47.0.0/24"
                + " ignored");
    assertThat(h.infra.networkSpecs.get("shop_back").subnet()).isEqualTo("10.46.0.0/24");
  }

  @Test
  void up_warnsAboutPerServiceNetworkSettingsItDoesNotApply() throws Exception {
    ServiceNetwork fancy =
        new ServiceNetwork(
            null,
            null,
            "fd00::5",
            List.of("169.254.1.1"),
            null,
            Map.of("com.docker.network.endpoint.sysctls", "x"),
            null,
            5,
            "lan0");

    assertThat(warningsFor(project("shop", service("web").networks(Map.of("default", fancy)))))
        .containsExactly(
            "services.web.networks.default.ipv6_address: not supported by jcompose; ignored",
            "services.web.networks.default.link_local_ips: not supported by jcompose; ignored",
            "services.web.networks.default.driver_opts: not supported by jcompose; ignored");
  }

  @Test
  void up_putsANetworkModeBridgeServiceOnTheDefaultNetworkWithOneWarning() throws Exception {
    Project p =
        io.jcompose.scheduler.TestProjects.withNetworks(
            project("shop", service("web").networkMode("bridge")), Map.of());

    up(p);

    assertThat(h.infra.networkSpecs).containsOnlyKeys("shop_default");
    assertThat(endpoints()).extracting(EndpointSpec::network).containsExactly("shop_default");
    assertThat(warnings())
        .filteredOn(w -> w.contains("network_mode"))
        .containsExactly(
            "services.web.network_mode: bridge joins the project's default network (jcompose has"
                + " no engine-wide bridge network)");
  }

  @Test
  void up_keepsAnUnchangedNetworkAndRefusesOneWhoseSubnetChanged() throws Exception {
    Project first =
        withNetwork(
            project("shop", service("web")),
            network("shop", "default", Map.of(), pool("10.60.0.0/24", null, null)));
    up(first);
    h.progress.clear();

    up(first);
    assertThat(h.progressLines()).noneMatch(l -> l.startsWith("Network shop_default"));

    Project changed =
        withNetwork(
            project("shop", service("web")),
            network("shop", "default", Map.of(), pool("10.61.0.0/24", null, null)));
    assertThatThrownBy(() -> up(changed))
        .isInstanceOf(io.jcompose.runtime.api.ConflictException.class)
        .hasMessage(
            "networks.default: network shop_default exists with a different configuration"
                + " (subnet 10.60.0.0/24 -> 10.61.0.0/24); run `jcompose down` first so that up"
                + " creates it anew");
    assertThat(h.infra.networks.get("shop_default").subnet()).isEqualTo("10.60.0.0/24");
  }
}
