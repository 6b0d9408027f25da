package io.jcompose.runtime.network;

import static io.jcompose.runtime.network.NetworkDriverIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.runtime.api.AttachSpec;
import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.EndpointSpec;
import io.jcompose.runtime.api.NetworkDriver;
import io.jcompose.runtime.api.NetworkDriver.Attachment;
import io.jcompose.runtime.api.NetworkDrivers;
import io.jcompose.runtime.api.NetworkInfo;
import io.jcompose.runtime.api.NetworkOptions;
import io.jcompose.runtime.api.NetworkSpec;
import io.jcompose.runtime.api.RuntimePaths;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many endpoints attached and detached at once on one network, as root, with real namespaces. */
class EndpointConcurrencyIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CONTAINERS = 20;

  @TempDir Path tmp;
  private Vertx vertx;
  private FakeUpstream upstream;
  private NetworkDriver driver;
  private RuntimePaths paths;
  private final String run =
      HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
  private final String net = "it" + run + "_par";
  private final List<String> ids = new ArrayList<>();

  @BeforeEach
  void startDriver() throws Exception {
    vertx = Vertx.vertx();
    upstream = new FakeUpstream(vertx);
    Path resolv = tmp.resolve("host-resolv.conf");
    Files.writeString(resolv, "nameserver 127.0.0.1\n");
    paths = new RuntimePaths(tmp.resolve("root"), tmp.resolve("run"));
    driver =
        NetworkDrivers.linux(
            vertx, paths, NetworkOptions.defaults().withUpstreams(resolv, upstream.port));
    await(driver.start());
    await(driver.create(new NetworkSpec(net, null, null, null, false, 0, Map.of("test", run))));
  }

  @AfterEach
  void cleanUp() {
    for (String id : ids) {
      try {
        await(driver.detach(id));
      } catch (RuntimeException e) {
        // Keep cleaning the rest.
      }
    }
    try {
      await(driver.remove(net));
    } catch (RuntimeException e) {
      // Already removed by the test, or reported by it.
    }
    await(driver.stop());
    upstream.close();
    vertx.close();
  }

  @Test
  void twentyConcurrentAttachesGetDistinctConfiguredAddressesAndDetachLeavesNothing()
      throws Exception {
    List<Future<Attachment>> pending = new ArrayList<>();
    for (int i = 0; i < CONTAINERS; i++) {
      String id = run + "-c-" + i;
      ids.add(id);
      pending.add(driver.attach(AttachSpec.of(id, "c" + i, List.of(EndpointSpec.of(net, "c")))));
    }
    await(Future.all(pending));
    List<Attachment> attached = pending.stream().map(Future::result).toList();
    NetworkInfo info = await(driver.inspect(net));
    Cidr subnet = Cidr.parse(info.subnet());

    Set<String> addresses = new HashSet<>();
    for (Attachment a : attached) {
      addresses.add(a.primaryAddress());
      assertThat(subnet.contains(Cidr.parseAddress(a.primaryAddress()))).isTrue();
      JsonNode eth0 = json(Shell.inNetns(a.netns(), "ip -j addr show dev eth0")).get(0);
      assertThat(eth0.get("operstate").asText()).isNotEqualTo("DOWN");
      assertThat(eth0.get("addr_info").findValuesAsText("local")).contains(a.primaryAddress());
      JsonNode route = json(Shell.inNetns(a.netns(), "ip -j route show default")).get(0);
      assertThat(route.get("gateway").asText()).isEqualTo(info.gateway());
    }
    assertThat(addresses).hasSize(CONTAINERS).doesNotContain(info.gateway());
    assertThat(Shell.in(attached.get(0), "busybox nslookup c19").text())
        .contains(attached.get(CONTAINERS - 1).primaryAddress());

    await(Future.all(ids.stream().map(driver::detach).toList()));
    await(driver.remove(net));

    for (int i = 0; i < CONTAINERS; i++) {
      assertThat(attached.get(i).netns()).doesNotExist();
      assertThat(paths.run().resolve("network/containers").resolve(ids.get(i))).doesNotExist();
      assertThat(Path.of("/sys/class/net", DeviceNames.hostVeth(ids.get(i), net))).doesNotExist();
    }
    assertThat(Path.of("/sys/class/net", info.bridge())).doesNotExist();
  }

  @Test
  void twoConcurrentAttachesAskingForOneStaticAddressGiveItToExactlyOne() {
    NetworkInfo info = await(driver.inspect(net));
    String wanted = Cidr.format(Cidr.parse(info.subnet()).firstHost() + 9);
    List<Future<Attachment>> pending = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String id = run + "-s-" + i;
      ids.add(id);
      EndpointSpec e = new EndpointSpec(net, wanted, null, List.of());
      pending.add(driver.attach(AttachSpec.of(id, "s" + i, List.of(e))));
    }
    await(Future.join(pending).otherwiseEmpty());

    assertThat(pending).filteredOn(Future::succeeded).hasSize(1);
    assertThat(pending.stream().filter(Future::failed).findFirst().orElseThrow().cause())
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("already in use");
    assertThat(pending.stream().filter(Future::succeeded).findFirst().orElseThrow().result())
        .extracting(Attachment::primaryAddress)
        .isEqualTo(wanted);
  }

  private static JsonNode json(Shell.Out out) throws Exception {
    assertThat(out.exit()).as(out.text()).isZero();
    return JSON.readTree(out.text());
  }
}
