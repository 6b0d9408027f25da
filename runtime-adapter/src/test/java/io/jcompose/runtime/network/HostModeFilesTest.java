package io.jcompose.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.runtime.api.AttachSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostModeFilesTest {
  private static final String HOST_RESOLV =
      "# host\nnameserver 192.0.2.53\nsearch lan\noptions edns0\n";

  @Test
  void resolvConf_isTheHostsCopyWithoutDnsSettings() {
    AttachSpec spec = AttachSpec.of("id1", "web", List.of());
    assertThat(HostModeFiles.resolvConf(HOST_RESOLV, spec)).isEqualTo(HOST_RESOLV);
  }

  @Test
  void resolvConf_replacesOnlyTheLinesTheServiceSets() {
    AttachSpec servers =
        AttachSpec.of("id1", "web", List.of()).withDns(List.of("9.9.9.9"), List.of(), List.of());
    assertThat(HostModeFiles.resolvConf(HOST_RESOLV, servers))
        .isEqualTo("# host\nsearch lan\noptions edns0\nnameserver 9.9.9.9\n");

    AttachSpec all =
        AttachSpec.of("id1", "web", List.of())
            .withDns(List.of("9.9.9.9", "1.1.1.1"), List.of("corp.example"), List.of("ndots:2"));
    assertThat(HostModeFiles.resolvConf(HOST_RESOLV, all))
        .isEqualTo(
            "# host\nnameserver 9.9.9.9\nnameserver 1.1.1.1\nsearch corp.example\noptions"
                + " ndots:2\n");
  }

  @Test
  void hosts_appendsExtraHostsWithHostGatewayOnLoopback() {
    AttachSpec spec =
        AttachSpec.of("id1", "web", List.of())
            .withExtraHosts(List.of("db.local:10.0.0.5", "host.docker.internal:host-gateway"));
    assertThat(HostModeFiles.hosts("127.0.0.1\tlocalhost", spec))
        .isEqualTo("127.0.0.1\tlocalhost\n10.0.0.5\tdb.local\n127.0.0.1\thost.docker.internal\n");
  }
}
