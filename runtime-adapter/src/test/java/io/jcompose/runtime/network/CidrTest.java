package io.jcompose.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.runtime.api.RuntimeFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CidrTest {
  @TempDir Path tmp;

  @Test
  void parse_normalisesHostBitsAndFormatsBack() {
    assertThat(Cidr.parse("172.18.5.9/16")).hasToString("172.18.0.0/16");
    assertThat(Cidr.parse("10.0.0.1")).hasToString("10.0.0.1/32");
  }

  @Test
  void parse_rejectsGarbageWithTheInputInTheMessage() {
    assertThatThrownBy(() -> Cidr.parse("300.1.1.1/8"))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("300.1.1.1");
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("prefix");
  }

  @Test
  void overlaps_isSymmetricAndRespectsTheShorterPrefix() {
    Cidr big = Cidr.parse("172.16.0.0/12");
    Cidr small = Cidr.parse("172.17.0.0/16");
    assertThat(big.overlaps(small)).isTrue();
    assertThat(small.overlaps(big)).isTrue();
    assertThat(small.overlaps(Cidr.parse("172.18.0.0/16"))).isFalse();
  }

  @Test
  void encloses_onlyRangesWhollyInside() {
    Cidr subnet = Cidr.parse("10.70.0.0/24");
    assertThat(subnet.encloses(Cidr.parse("10.70.0.128/25"))).isTrue();
    assertThat(subnet.encloses(subnet)).isTrue();
    assertThat(subnet.encloses(Cidr.parse("10.70.0.0/23"))).isFalse();
    assertThat(subnet.encloses(Cidr.parse("10.70.1.0/25"))).isFalse();
    assertThat(subnet.overlaps(Cidr.parse("10.70.0.0/23"))).isTrue();
  }

  @Test
  void subnetPool_skipsHostRoutesLikeDocker0AndTakenNetworks() throws Exception {
    Path routes = tmp.resolve("route");
    // docker0 172.17.0.0/16 and a LAN 192.168.0.0/24, in the kernel's little-endian hex.
    Files.writeString(
        routes,
        String.join(
            "\n",
            "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT",
            "eth0\t00000000\t0100A8C0\t0003\t0\t0\t0\t00000000\t0\t0\t0",
            "docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0",
            "eth0\t0000A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0",
            ""));
    List<Cidr> host = new HostRoutes(routes).subnets();
    assertThat(host).containsExactly(Cidr.parse("172.17.0.0/16"), Cidr.parse("192.168.0.0/24"));

    List<Cidr> taken = new java.util.ArrayList<>(host);
    taken.add(Cidr.parse("172.18.0.0/16"));
    assertThat(SubnetPool.next(taken, "p_default")).hasToString("172.19.0.0/16");

    for (int i = 19; i <= 31; i++) {
      taken.add(Cidr.parse("172." + i + ".0.0/16"));
    }
    assertThat(SubnetPool.next(taken, "p_default")).hasToString("192.168.16.0/20");
  }

  @Test
  void addressAllocator_takesLowestFreeSkipsGatewayAndHonoursStaticAndRange() {
    NetworkState n =
        new NetworkState("p_n", "jc-x", "10.5.0.0/24", "10.5.0.1", null, false, 1500, null);
    assertThat(Cidr.format(AddressAllocator.allocate(n, java.util.Set.of(), null, "c")))
        .isEqualTo("10.5.0.2");
    assertThat(
            Cidr.format(
                AddressAllocator.allocate(
                    n, java.util.Set.of(Cidr.parseAddress("10.5.0.2")), null, "c")))
        .isEqualTo("10.5.0.3");
    assertThat(Cidr.format(AddressAllocator.allocate(n, java.util.Set.of(), "10.5.0.77", "c")))
        .isEqualTo("10.5.0.77");
    assertThatThrownBy(
            () ->
                AddressAllocator.allocate(
                    n, java.util.Set.of(Cidr.parseAddress("10.5.0.77")), "10.5.0.77", "web-1"))
        .hasMessageContaining("web-1")
        .hasMessageContaining("already in use");
    assertThatThrownBy(() -> AddressAllocator.allocate(n, java.util.Set.of(), "10.6.0.2", "c"))
        .hasMessageContaining("outside");

    NetworkState ranged =
        new NetworkState(
            "p_r", "jc-y", "10.5.0.0/24", "10.5.0.1", "10.5.0.128/25", false, 1500, null);
    assertThat(Cidr.format(AddressAllocator.allocate(ranged, java.util.Set.of(), null, "c")))
        .isEqualTo("10.5.0.128");
  }

  @Test
  void addressAllocator_reportsAFullNetwork() {
    NetworkState n =
        new NetworkState("p_tiny", "jc-t", "10.5.0.0/30", "10.5.0.1", null, false, 1500, null);
    java.util.Set<Integer> used = java.util.Set.of(Cidr.parseAddress("10.5.0.2"));
    assertThatThrownBy(() -> AddressAllocator.allocate(n, used, null, "c"))
        .hasMessageContaining("no free address");
  }
}
