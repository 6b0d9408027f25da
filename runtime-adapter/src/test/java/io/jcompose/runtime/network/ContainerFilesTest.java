package io.jcompose.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.runtime.api.AttachSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerFilesTest {
  private final EndpointState eth0 =
      new EndpointState(
          "p_default",
          "eth0",
          "jcv1",
          "172.18.0.5",
          "02:42:ac:12:00:05",
          "172.18.0.1",
          List.of("web"));

  @Test
  void hosts_listsLocalhostOwnAddressAndExtraHosts() {
    AttachSpec spec =
        AttachSpec.of("id1", "web1", List.of())
            .withExtraHosts(List.of("db.local:10.0.0.5", "v6=::1"));
    String hosts = ContainerFiles.hosts(spec, List.of(eth0));
    assertThat(hosts)
        .startsWith("127.0.0.1\tlocalhost\n")
        .contains("172.18.0.5\tweb1\n", "10.0.0.5\tdb.local\n", "::1\tv6\n");
  }

  @Test
  void hosts_hostGatewayIsTheGatewayOfTheFirstNetwork() {
    EndpointState eth1 =
        new EndpointState(
            "p_back", "eth1", "jcv2", "10.9.0.7", "02:42:0a:09:00:07", "10.9.0.1", List.of());
    AttachSpec spec =
        AttachSpec.of("id1", "web1", List.of())
            .withExtraHosts(List.of("host.docker.internal:host-gateway", "gw=host-gateway"));
    assertThat(ContainerFiles.hosts(spec, List.of(eth0, eth1)))
        .contains("172.18.0.1\thost.docker.internal\n", "172.18.0.1\tgw\n")
        .doesNotContain("host-gateway", "10.9.0.1");
  }

  @Test
  void hosts_hostGatewayWithoutANetworkSaysWhyAndWhatToDo() {
    AttachSpec spec =
        AttachSpec.of("id1", "web1", List.of()).withExtraHosts(List.of("h:host-gateway"));
    assertThatThrownBy(() -> ContainerFiles.hosts(spec, List.of()))
        .hasMessage(
            "extra_hosts: 'h:host-gateway': host-gateway needs a network to reach the host"
                + " through, and this container has none (network_mode: none); give an address or"
                + " attach a network");
  }

  @Test
  void hosts_rejectsAnEntryWithoutAddressNamingIt() {
    AttachSpec spec = AttachSpec.of("id1", "web1", List.of()).withExtraHosts(List.of("oops"));
    assertThatThrownBy(() -> ContainerFiles.hosts(spec, List.of()))
        .hasMessageContaining("extra_hosts: 'oops'");
  }

  @Test
  void resolvConf_pointsAtTheNetworkDnsWithSearchAndOptions() {
    AttachSpec spec =
        AttachSpec.of("id1", "web1", List.of())
            .withDns(List.of("9.9.9.9"), List.of("corp.example"), List.of("timeout:2"));
    assertThat(ContainerFiles.resolvConf(spec, "172.18.0.1"))
        .isEqualTo("nameserver 172.18.0.1\nsearch corp.example\noptions timeout:2 ndots:0\n");
  }

  @Test
  void resolvConf_withoutNetworkUsesTheGivenServersAndKeepsUserNdots() {
    AttachSpec spec =
        AttachSpec.of("id1", "web1", List.of())
            .withDns(List.of("9.9.9.9"), List.of(), List.of("ndots:3"));
    assertThat(ContainerFiles.resolvConf(spec, null))
        .isEqualTo("nameserver 9.9.9.9\noptions ndots:3\n");
  }

  @Test
  void write_givesTheHostnameFileAndTheDomainnameInHosts(@TempDir Path dir) throws Exception {
    AttachSpec spec =
        new AttachSpec(
            "id1",
            "p-web-1",
            "web1",
            "corp.example",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());

    ContainerFiles.write(dir, spec, List.of(eth0), "172.18.0.1");

    assertThat(Files.readString(dir.resolve("hostname"))).isEqualTo("web1\n");
    assertThat(Files.readString(dir.resolve("hosts")))
        .contains("172.18.0.5\tweb1.corp.example web1\n");
    assertThat(Files.readString(dir.resolve("resolv.conf"))).startsWith("nameserver 172.18.0.1\n");
  }
}
