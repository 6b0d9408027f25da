package io.jcompose.model.loader;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.api.NetworkDefinition;
import io.jcompose.model.api.Project;
import io.jcompose.model.api.ServiceNetwork;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworksTest {
  @TempDir Path tmp;

  @Test
  void serviceWithoutNetworks_joinsTheImplicitDefaultNetwork() throws Exception {
    Project p = new ComposeFixture(tmp).compose("services:\n  web: {image: nginx}\n").load();

    assertThat(p.service("web").networks()).containsOnlyKeys("default");
    assertThat(p.networks().get("default"))
        .isEqualTo(NetworkDefinition.bridge("default", "demo_default"));
  }

  @Test
  void networkModeService_doesNotGetTheDefaultNetwork() throws Exception {
    Project p =
        new ComposeFixture(tmp)
            .compose("services:\n  web: {image: nginx, network_mode: host}\n")
            .load();

    assertThat(p.service("web").networks()).isEmpty();
    assertThat(p.networks()).isEmpty();
  }

  @Test
  void serviceNetworks_keepAliasesAddressesAndPriority() throws Exception {
    Project p =
        new ComposeFixture(tmp)
            .compose(
                """
                services:
                  web:
                    image: nginx
                    networks:
                      front:
                        aliases: [www]
                        ipv4_address: 172.28.0.10
                        mac_address: 02:42:ac:11:00:02
                        priority: 100
                      back:
                networks:
                  front:
                    driver: bridge
                    internal: true
                    ipam:
                      config:
                        - subnet: 172.28.0.0/16
                          gateway: 172.28.0.1
                  back:
                    name: shared-back
                  ext:
                    external: true
                """)
            .load();

    assertThat(p.service("web").networks().get("front"))
        .isEqualTo(
            new ServiceNetwork(
                List.of("www"),
                "172.28.0.10",
                null,
                null,
                "02:42:ac:11:00:02",
                null,
                100,
                null,
                null));
    assertThat(p.service("web").networks().get("back")).isEqualTo(ServiceNetwork.plain());
    NetworkDefinition front = p.networks().get("front");
    assertThat(front.name()).isEqualTo("demo_front");
    assertThat(front.internal()).isTrue();
    assertThat(front.ipam().config())
        .containsExactly(
            new NetworkDefinition.IpamPool("172.28.0.0/16", null, "172.28.0.1", Map.of()));
    assertThat(p.networks().get("back").name()).isEqualTo("shared-back");
    assertThat(p.networks().get("ext").name()).isEqualTo("ext");
    assertThat(p.networks()).doesNotContainKey("default");
  }
}
