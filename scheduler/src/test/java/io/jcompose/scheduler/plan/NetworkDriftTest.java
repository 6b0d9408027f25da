package io.jcompose.scheduler.plan;

import static io.jcompose.scheduler.TestProjects.network;
import static io.jcompose.scheduler.TestProjects.pool;
import static io.jcompose.scheduler.TestProjects.project;
import static io.jcompose.scheduler.TestProjects.service;
import static io.jcompose.scheduler.TestProjects.withNetwork;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.api.NetworkDefinition;
import io.jcompose.model.api.Project;
import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.NetworkInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Plans against networks that exist: kept when unchanged, refused when their settings changed. */
class NetworkDriftTest {

  private final Planner planner = new Planner(s -> "h");

  private static Project shop(NetworkDefinition def) {
    return withNetwork(project("shop", service("web")), def);
  }

  private static NetworkInfo existing(
      String subnet,
      String gateway,
      String range,
      int mtu,
      boolean internal,
      Map<String, String> user) {
    Map<String, String> labels = new HashMap<>(user);
    labels.put("com.docker.compose.project", "shop");
    labels.put("com.docker.compose.network", "default");
    return new NetworkInfo("shop_default", "br-1", subnet, gateway, internal, labels, range, mtu);
  }

  private Plan plan(Project p, NetworkInfo n) {
    return planner.plan(p, Observed.of(List.of(), List.of(n), Set.of()), PlanRequest.all());
  }

  @Test
  void plan_keepsAnUnchangedNetworkWithoutCreatingItOrWarning() {
    Project p =
        shop(
            network(
                "shop",
                "default",
                Map.of("com.docker.network.driver.mtu", "1400"),
                pool("10.50.0.0/24", "10.50.0.128/25", null)));

    Plan plan =
        plan(p, existing("10.50.0.0/24", "10.50.0.1", "10.50.0.128/25", 1400, false, Map.of()));

    assertThat(plan.operations()).noneMatch(o -> o.kind() == Operation.Kind.CREATE_NETWORK);
    assertThat(plan.warnings()).isEmpty();
  }

  @Test
  void plan_keepsAPoolNetworkWhateverSubnetThePoolGaveIt() {
    Plan plan =
        plan(
            project("shop", service("web")),
            existing("172.18.0.0/16", "172.18.0.1", null, 1500, false, Map.of()));

    assertThat(plan.operations()).noneMatch(o -> o.kind() == Operation.Kind.CREATE_NETWORK);
  }

  @Test
  void plan_refusesANetworkWhoseSubnetChangedNamingOldAndNew() {
    Project p = shop(network("shop", "default", Map.of(), pool("10.51.0.0/24", null, null)));

    assertThatThrownBy(
            () -> plan(p, existing("10.50.0.0/24", "10.50.0.1", null, 1500, false, Map.of())))
        .isInstanceOf(ConflictException.class)
        .hasMessage(
            "networks.default: network shop_default exists with a different configuration"
                + " (subnet 10.50.0.0/24 -> 10.51.0.0/24); run `jcompose down` first so that up"
                + " creates it anew");
  }

  @Test
  void plan_refusesANetworkWhoseRangeMtuIsolationAndLabelsChanged() {
    NetworkDefinition def =
        io.jcompose.scheduler.TestProjects.internalNetwork(
            "shop", "default", "1400", Map.of("team", "web"));

    assertThatThrownBy(
            () ->
                plan(
                    shop(def),
                    existing(
                        "10.50.0.0/24",
                        "10.50.0.1",
                        "10.50.0.0/25",
                        1500,
                        false,
                        Map.of("team", "db"))))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining(
            "(ip_range 10.50.0.0/25 -> none, mtu 1500 -> 1400, internal false -> true, labels"
                + " {team=db} -> {team=web})");
  }

  @Test
  void plan_refusesANetworkLabelledForAnotherComposeNetwork() {
    NetworkInfo other =
        new NetworkInfo(
            "shop_default",
            "br-1",
            "10.50.0.0/24",
            "10.50.0.1",
            false,
            Map.of("com.docker.compose.network", "front"));

    assertThatThrownBy(() -> plan(project("shop", service("web")), other))
        .isInstanceOf(ConflictException.class)
        .hasMessage(
            "networks.default: network shop_default exists with label com.docker.compose.network"
                + " set to \"front\", not \"default\"; give one of the two networks another name");
  }

  @Test
  void plan_warnsAndUsesANetworkNotCreatedByCompose() {
    NetworkInfo handMade =
        new NetworkInfo("shop_default", "br-1", "10.50.0.0/24", "10.50.0.1", false, Map.of());

    Plan plan = plan(project("shop", service("web")), handMade);

    assertThat(plan.operations()).noneMatch(o -> o.kind() == Operation.Kind.CREATE_NETWORK);
    assertThat(plan.warnings())
        .containsExactly(
            "networks.default: network shop_default exists but was not created by compose; it is"
                + " used as it is (set external: true to say so)");
  }

  @Test
  void plan_warnsAndSharesAnotherProjectsNetworkOfTheSameNameWhateverItsSettings() {
    Map<String, String> labels =
        Map.of("com.docker.compose.project", "blog", "com.docker.compose.network", "default");
    NetworkInfo blogs =
        new NetworkInfo("shop_default", "br-1", "10.60.0.0/24", "10.60.0.1", true, labels);
    Project p = shop(network("shop", "default", Map.of(), pool("10.50.0.0/24", null, null)));

    Plan plan = plan(p, blogs);

    assertThat(plan.operations()).noneMatch(o -> o.kind() == Operation.Kind.CREATE_NETWORK);
    assertThat(plan.warnings())
        .containsExactly(
            "networks.default: network shop_default exists but was not created for project shop;"
                + " it is used as it is (set external: true to say so)");
  }

  @Test
  void cidr_comparesByNetworkAddress() {
    assertThat(NetworkDrift.cidr("10.50.3.7/16")).isEqualTo("10.50.0.0/16");
    assertThat(NetworkDrift.cidr("not-a-cidr")).isEqualTo("not-a-cidr");
  }
}
