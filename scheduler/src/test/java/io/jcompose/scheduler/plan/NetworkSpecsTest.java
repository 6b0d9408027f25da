package io.jcompose.scheduler.plan;

import static io.jcompose.scheduler.TestProjects.network;
import static io.jcompose.scheduler.TestProjects.pool;
import static io.jcompose.scheduler.TestProjects.project;
import static io.jcompose.scheduler.TestProjects.withNetwork;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.scheduler.api.InvalidProjectException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkSpecsTest {

  @Test
  void of_takesTheFirstIpv4PoolWhenAnIpv6PoolComesFirst() {
    var p =
        withNetwork(
            project("shop"),
            network(
                "shop",
                "back",
                Map.of(),
                pool("fd00::/64", null, null),
                pool("10.20.0.0/16", "10.20.5.0/24", "10.20.0.254"),
                pool("10.30.0.0/16", null, null)));

    var spec = NetworkSpecs.of(p, "back");

    assertThat(spec.name()).isEqualTo("shop_back");
    assertThat(spec.subnet()).isEqualTo("10.20.0.0/16");
    assertThat(spec.ipRange()).isEqualTo("10.20.5.0/24");
    assertThat(spec.gateway()).isEqualTo("10.20.0.254");
  }

  @Test
  void of_leavesTheSubnetToThePoolWhenOnlyIpv6PoolsAreGiven() {
    var p =
        withNetwork(
            project("shop"), network("shop", "v6", Map.of(), pool("fd00::/64", null, "fd00::1")));

    var spec = NetworkSpecs.of(p, "v6");

    assertThat(spec.subnet()).isNull();
    assertThat(spec.gateway()).isNull();
  }

  @Test
  void of_readsMtuInternalAndLabelsWithComposeLabels() {
    var def =
        io.jcompose.scheduler.TestProjects.internalNetwork(
            "shop", "back", " 1400 ", Map.of("team", "db"));
    var spec = NetworkSpecs.of(withNetwork(project("shop"), def), "back");

    assertThat(spec.mtu()).isEqualTo(1400);
    assertThat(spec.internal()).isTrue();
    assertThat(spec.labels())
        .containsEntry("team", "db")
        .containsEntry("com.docker.compose.project", "shop")
        .containsEntry("com.docker.compose.network", "back");
  }

  @Test
  void of_rejectsANonNumericMtuNamingTheOptionAndTheRange() {
    var p =
        withNetwork(
            project("shop"), network("shop", "back", Map.of(NetworkSpecs.MTU_OPTION, "jumbo")));

    assertThatThrownBy(() -> NetworkSpecs.of(p, "back"))
        .isInstanceOf(InvalidProjectException.class)
        .hasMessage(
            "networks.back.driver_opts.com.docker.network.driver.mtu: \"jumbo\" is not a valid"
                + " MTU; use a whole number from 68 to 65535");
  }

  @Test
  void of_rejectsAnMtuOutsideTheRange() {
    var p =
        withNetwork(
            project("shop"), network("shop", "back", Map.of(NetworkSpecs.MTU_OPTION, "67")));

    assertThatThrownBy(() -> NetworkSpecs.of(p, "back"))
        .hasMessageContaining("\"67\" is not a valid MTU; use a whole number from 68 to 65535");
  }

  @Test
  void plan_failsOnABadMtuBeforeAnyOperation() {
    var p =
        withNetwork(
            project("shop", io.jcompose.scheduler.TestProjects.service("web")),
            network("shop", "default", Map.of(NetworkSpecs.MTU_OPTION, "")));

    assertThatThrownBy(() -> new Planner(s -> "h").plan(p, Observed.nothing(), PlanRequest.all()))
        .isInstanceOf(InvalidProjectException.class)
        .hasMessageStartingWith("networks.default.driver_opts.com.docker.network.driver.mtu: \"\"");
  }
}
