package io.jcompose.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.runtime.api.RuntimeFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Endpoints made over rtnetlink ({@link EndpointSetup}), as root, checked from inside the namespace
 * with {@code ip -j} and from the host with {@code ip -j link}.
 */
class EndpointSetupIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;
  private final String run =
      HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
  private final String bridgeA = "jct" + run + "a";
  private final String bridgeB = "jct" + run + "b";
  private final String vethA = "jcv" + run + "a";
  private final String vethB = "jcv" + run + "b";
  private Path netns;

  @BeforeEach
  void bridges() {
    sh("ip link add " + bridgeA + " type bridge && ip link set " + bridgeA + " up");
    sh("ip link add " + bridgeB + " type bridge && ip link set " + bridgeB + " up");
    netns = tmp.resolve("ns");
  }

  @AfterEach
  void cleanUp() {
    EndpointSetup.remove(netns);
    if (!EndpointSetup.awaitGone(List.of(vethA, vethB), 5000)) {
      EndpointSetup.deleteNow(List.of(vethA, vethB));
    }
    Shell.sh("ip link del " + bridgeA + "; ip link del " + bridgeB);
  }

  @Test
  void twoEndpointsGetAddressesMacMtuBridgesLoopbackAndOneDefaultRoute() throws Exception {
    Files.write(netns, new byte[0]);
    EndpointSetup.create(
        "test",
        netns,
        List.of(
            plug(vethA, "eth0", "10.231.0.5", "02:42:0a:e7:00:05", "10.231.0.1", bridgeA, true),
            plug(vethB, "eth1", "10.232.0.9", "02:42:0a:e8:00:09", "10.232.0.1", bridgeB, false)));

    JsonNode addrs = json(Shell.inNetns(netns, "ip -j addr show"));
    assertThat(addrs).hasSize(3);
    JsonNode lo = find(addrs, "lo");
    assertThat(lo.get("flags").toString()).contains("\"UP\"");
    JsonNode eth0 = find(addrs, "eth0");
    assertThat(eth0.get("address").asText()).isEqualTo("02:42:0a:e7:00:05");
    assertThat(eth0.get("mtu").asInt()).isEqualTo(1400);
    assertThat(eth0.get("flags").toString()).contains("\"UP\"", "\"LOWER_UP\"");
    assertThat(eth0.get("addr_info").get(0).get("local").asText()).isEqualTo("10.231.0.5");
    assertThat(eth0.get("addr_info").get(0).get("prefixlen").asInt()).isEqualTo(24);
    JsonNode eth1 = find(addrs, "eth1");
    assertThat(eth1.get("addr_info").get(0).get("local").asText()).isEqualTo("10.232.0.9");

    JsonNode routes = json(Shell.inNetns(netns, "ip -j route show default"));
    assertThat(routes).hasSize(1);
    assertThat(routes.get(0).get("gateway").asText()).isEqualTo("10.231.0.1");
    assertThat(routes.get(0).get("dev").asText()).isEqualTo("eth0");

    JsonNode host = json(Shell.sh("ip -j link show " + vethA)).get(0);
    assertThat(host.get("master").asText()).isEqualTo(bridgeA);
    assertThat(host.get("mtu").asInt()).isEqualTo(1400);
    assertThat(host.get("flags").toString()).contains("\"UP\"");
    assertThat(json(Shell.sh("ip -j link show " + vethB)).get(0).get("master").asText())
        .isEqualTo(bridgeB);
  }

  @Test
  void aTakenHostNameFailsWithOneLineNamingTheStepAndErrnoAndRemoveLeavesNothing() {
    sh("ip link add " + vethA + " type bridge");
    try {
      Files.write(netns, new byte[0]);
      assertThatThrownBy(
              () ->
                  EndpointSetup.create(
                      "container c1: network setup",
                      netns,
                      List.of(
                          plug(
                              vethA,
                              "eth0",
                              "10.231.0.5",
                              "02:42:0a:e7:00:05",
                              "10.231.0.1",
                              bridgeA,
                              true))))
          .isInstanceOf(RuntimeFailure.class)
          .hasMessageStartingWith(
              "container c1: network setup: creating veth "
                  + vethA
                  + " (eth0 inside) on bridge "
                  + bridgeA
                  + ": File exists (EEXIST)")
          .hasMessageNotContaining("\n");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } finally {
      Shell.sh("ip link del " + vethA);
    }
    EndpointSetup.remove(netns);
    assertThat(AttachmentRegistry.isMounted(netns)).isFalse();
    assertThat(netns).doesNotExist();
  }

  @Test
  void removingTheNamespaceTakesTheVethPairWithIt() throws Exception {
    Files.write(netns, new byte[0]);
    EndpointSetup.create(
        "test",
        netns,
        List.of(
            plug(vethA, "eth0", "10.231.0.5", "02:42:0a:e7:00:05", "10.231.0.1", bridgeA, true)));
    assertThat(Path.of("/sys/class/net", vethA)).exists();

    EndpointSetup.remove(netns);

    assertThat(netns).doesNotExist();
    assertThat(EndpointSetup.awaitGone(List.of(vethA), 5000)).isTrue();
  }

  @Test
  void anUnknownBridgeIsNamedInTheError() throws Exception {
    Files.write(netns, new byte[0]);
    assertThatThrownBy(
            () ->
                EndpointSetup.create(
                    "test",
                    netns,
                    List.of(
                        plug(
                            vethA,
                            "eth0",
                            "10.231.0.5",
                            "02:42:0a:e7:00:05",
                            "10.231.0.1",
                            "jcnobr" + run,
                            true))))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessage("test: looking up jcnobr" + run + ": No such device (ENODEV)");
  }

  private static EndpointSetup.Plug plug(
      String veth, String name, String ip, String mac, String gw, String bridge, boolean route) {
    EndpointState e = new EndpointState("n", name, veth, ip, mac, gw, List.of());
    return new EndpointSetup.Plug(e, bridge, 24, 1400, route);
  }

  private static JsonNode find(JsonNode links, String name) {
    for (JsonNode l : links) {
      if (name.equals(l.get("ifname").asText())) {
        return l;
      }
    }
    throw new AssertionError("no link " + name + " in " + links);
  }

  private static JsonNode json(Shell.Out out) throws Exception {
    assertThat(out.exit()).as(out.text()).isZero();
    return JSON.readTree(out.text());
  }

  private static void sh(String script) {
    Shell.Out out = Shell.sh(script);
    assertThat(out.exit()).as(out.text()).isZero();
  }
}
