package io.jcompose.runtime.proxy;

import static io.jcompose.runtime.network.LoopbackProbes.freePorts;
import static io.jcompose.runtime.network.LoopbackProbes.httpGet;
import static io.jcompose.runtime.network.LoopbackProbes.udpPing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.runtime.api.AttachSpec;
import io.jcompose.runtime.api.EndpointSpec;
import io.jcompose.runtime.api.NetworkDriver;
import io.jcompose.runtime.api.NetworkDriver.Attachment;
import io.jcompose.runtime.api.NetworkDrivers;
import io.jcompose.runtime.api.NetworkSpec;
import io.jcompose.runtime.api.PortBinding;
import io.jcompose.runtime.api.RuntimePaths;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nftables DNAT fast path in front of the userland proxy, into a namespace on a bridge. */
class PortDnatIT {
  @TempDir Path tmp;
  private Vertx vertx;
  private NetworkDriver driver;
  private LinuxPortProxy proxy;
  private String network;
  private String container;
  private Attachment web;
  private Process httpd;
  private Process udpEcho;
  private final String run =
      HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);

  @BeforeEach
  void startContainer() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/sbin/nft")), "needs nft (apt-get install nftables)");
    vertx = Vertx.vertx();
    RuntimePaths paths = new RuntimePaths(tmp.resolve("root"), tmp.resolve("run"));
    driver = NetworkDrivers.linux(vertx, paths);
    proxy = new LinuxPortProxy(vertx, paths);
    await(driver.start());
    await(proxy.start());
    network = "it" + run + "_dnat";
    container = run + "-web";
    await(driver.create(NetworkSpec.of(network, Map.of())));
    web =
        await(
            driver.attach(
                AttachSpec.of(container, "web", List.of(EndpointSpec.of(network, "web")))));
    Path docroot = Files.createDirectories(tmp.resolve("www"));
    Files.writeString(docroot.resolve("index.html"), "hello " + run);
    httpd = inNetns("busybox", "httpd", "-f", "-p", "80", "-h", docroot.toString()).start();
    udpEcho =
        inNetns(
                "python3",
                "-c",
                "import socket\ns=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\n"
                    + "s.bind(('0.0.0.0',7000))\nwhile True:\n d,a=s.recvfrom(2048)\n"
                    + " s.sendto(b'echo:'+d,a)\n")
            .start();
    for (int i = 0;
        i < 50 && exit(inNetns("sh", "-c", "busybox netstat -ltn | grep -q ':80 '")) != 0;
        i++) {
      Thread.sleep(100);
    }
  }

  @AfterEach
  void stopContainer() throws Exception {
    if (vertx == null) {
      return;
    }
    httpd.destroyForcibly();
    udpEcho.destroyForcibly();
    try {
      await(proxy.unpublish(container));
      await(driver.detach(container));
      await(driver.remove(network));
    } finally {
      await(proxy.stop());
      await(driver.stop());
      vertx.close();
    }
    assertThat(nftTables()).doesNotContain(PortDnat.tableName(container));
  }

  @Test
  void tcpPortOnLoopbackIsForwardedByTheKernelOnTheGivenHostIpOnly() throws Exception {
    int port = freePorts(1);
    await(proxy.publish(container, web.primaryAddress(), List.of(tcp(port, "127.0.0.1"))));

    assertThat(httpGet("127.0.0.1", port)).contains("hello " + run);
    assertThat(dnatPackets("tcp", port)).isPositive();
    assertThatThrownBy(() -> httpGet("127.0.0.2", port)).isInstanceOf(IOException.class);
  }

  @Test
  void udpPortIsForwardedByTheKernelBothWays() throws Exception {
    int port = freePorts(1);
    await(
        proxy.publish(
            container,
            web.primaryAddress(),
            List.of(PortBinding.udp(port, 7000).withHostIp("127.0.0.1"))));

    assertThat(udpPing(port, 1000)).isEqualTo("echo:ping");
    assertThat(dnatPackets("udp", port)).isPositive();
  }

  @Test
  void unpublishRemovesTheTableAndRouteLocalnet() throws Exception {
    int port = freePorts(1);
    String bridge = PortDnat.bridgeOf(web.primaryAddress()).orElseThrow();
    await(proxy.publish(container, web.primaryAddress(), List.of(tcp(port, "0.0.0.0"))));
    assertThat(nftTables()).contains(PortDnat.tableName(container));
    assertThat(routeLocalnet(bridge)).isEqualTo("1");

    await(proxy.unpublish(container));

    assertThat(nftTables()).doesNotContain(PortDnat.tableName(container));
    assertThat(routeLocalnet(bridge)).isEqualTo("0");
    assertThatThrownBy(() -> httpGet("127.0.0.1", port)).isInstanceOf(IOException.class);
  }

  @Test
  void restartedProxyRestoresExactlyTheSameRules() throws Exception {
    int port = freePorts(1);
    await(proxy.publish(container, web.primaryAddress(), List.of(tcp(port, "127.0.0.1"))));
    String before = rulesWithoutCounters();

    await(proxy.stop());
    await(proxy.start());

    assertThat(rulesWithoutCounters()).isEqualTo(before);
    assertThat(httpGet("127.0.0.1", port)).contains("hello " + run);
  }

  @Test
  void containerReachesItsOwnWildcardPortThroughItsGatewayByTheProxy() throws Exception {
    int port = freePorts(1);
    await(proxy.publish(container, web.primaryAddress(), List.of(tcp(port, "0.0.0.0"))));

    String page =
        output(
            inNetns(
                "sh",
                "-c",
                "python3 -c \"import urllib.request,sys;print(urllib.request.urlopen("
                    + "'http://'+sys.argv[1]+':"
                    + port
                    + "/',timeout=5).read().decode())\" $(ip -4 route show default | cut -d' ' -f3)"));

    // Through the kernel this would need hairpin mode on the bridge port (br_netfilter).
    assertThat(page).contains("hello " + run);
  }

  @Test
  void containerCannotReachAHostLoopbackListenerThroughItsGateway() throws Exception {
    int port = freePorts(1);
    await(proxy.publish(container, web.primaryAddress(), List.of(tcp(port, "127.0.0.1"))));
    try (ServerSocket hostOnly = new ServerSocket()) {
      hostOnly.bind(new InetSocketAddress("127.0.0.1", 0));
      // The container sends to 127.0.0.1 through its gateway, as a hostile one would.
      assertThat(
              exit(
                  inNetns(
                      "sh",
                      "-c",
                      "echo 1 > /proc/sys/net/ipv4/conf/all/route_localnet && "
                          + "echo 1 > /proc/sys/net/ipv4/conf/eth0/route_localnet && "
                          + "ip addr del 127.0.0.1/8 dev lo && "
                          + "ip route add 127.0.0.1/32 via $(ip -4 route show default | cut -d' ' -f3) dev eth0")))
          .isZero();
      String connect =
          "import socket\ns=socket.create_connection(('127.0.0.1',"
              + hostOnly.getLocalPort()
              + "),2)\n";

      assertThat(exit(inNetns("python3", "-c", connect))).isNotZero();

      // Without the guard the same packets reach the listener: the guard is what stops them.
      assertThat(
              exit(
                  new ProcessBuilder(
                      "nft", "delete", "chain", "ip", PortDnat.tableName(container), "guard")))
          .isZero();
      assertThat(exit(inNetns("python3", "-c", connect))).isZero();
    }
  }

  private static PortBinding tcp(int port, String hostIp) {
    return PortBinding.tcp(port, 80).withHostIp(hostIp);
  }

  /** The packet counter of the output chain's DNAT rule for the port. */
  private long dnatPackets(String protocol, int port) throws Exception {
    Matcher m =
        Pattern.compile(protocol + " dport " + port + " counter packets (\\d+)").matcher(nftList());
    assertThat(m.find()).as("a DNAT rule for %s port %d", protocol, port).isTrue();
    return Long.parseLong(m.group(1));
  }

  private String rulesWithoutCounters() throws Exception {
    return nftList().replaceAll("counter packets \\d+ bytes \\d+", "counter");
  }

  private String nftList() throws Exception {
    return output(new ProcessBuilder("nft", "list", "table", "ip", PortDnat.tableName(container)));
  }

  private static String nftTables() throws Exception {
    return output(new ProcessBuilder("nft", "list", "tables"));
  }

  private static String routeLocalnet(String bridge) throws IOException {
    return Files.readString(Path.of("/proc/sys/net/ipv4/conf", bridge, "route_localnet")).strip();
  }

  private ProcessBuilder inNetns(String... argv) {
    List<String> cmd = new java.util.ArrayList<>(List.of("nsenter", "--net=" + web.netns()));
    cmd.addAll(List.of(argv));
    return new ProcessBuilder(cmd).redirectErrorStream(true);
  }

  private static int exit(ProcessBuilder pb) throws Exception {
    Process p = pb.redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  private static String output(ProcessBuilder pb) throws Exception {
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
