package io.jcompose.scheduler.plan;

import static io.jcompose.scheduler.TestProjects.project;
import static io.jcompose.scheduler.TestProjects.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.api.ServiceNetwork;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceNamesTest {

  private static ServiceNetwork priority(Integer p) {
    return new ServiceNetwork(null, null, null, null, null, null, p, null, null);
  }

  @Test
  void networkKeys_ordersByPriorityHighestFirstThenByKey() {
    var web =
        service("web")
            .networks(
                Map.of(
                    "zeta", priority(null),
                    "alpha", priority(null),
                    "back", priority(5),
                    "front", priority(10),
                    "low", priority(-1),
                    "mid", priority(5)))
            .build();

    assertThat(ServiceNames.networkKeys(project("shop"), web))
        .containsExactly("front", "back", "mid", "alpha", "zeta", "low");
  }

  @Test
  void networkKeys_isDefaultWithoutNetworksAndEmptyWithANetworkMode() {
    assertThat(ServiceNames.networkKeys(project("shop"), service("web").build()))
        .containsExactly("default");
    assertThat(
            ServiceNames.networkKeys(project("shop"), service("web").networkMode("none").build()))
        .isEmpty();
  }
}
