package io.jcompose.runtime.network;

import static io.jcompose.runtime.network.LoopbackProbes.freePorts;
import static io.jcompose.runtime.network.LoopbackProbes.httpGet;
import static io.jcompose.runtime.network.LoopbackProbes.udpPing;
import static io.jcompose.runtime.network.NetworkDriverIT.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.runtime.api.AttachSpec;
import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.EndpointSpec;
import io.jcompose.runtime.api.NetworkDriver;
import io.jcompose.runtime.api.NetworkDriver.Attachment;
import io.jcompose.runtime.api.NetworkDrivers;
import io.jcompose.runtime.api.NetworkSpec;
import io.jcompose.runtime.api.PortBinding;
import io.jcompose.runtime.api.PortPublisher;
import io.jcompose.runtime.api.PublishedPort;
import io.jcompose.runtime.api.RuntimePaths;
import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Published ports through the userland proxy into a namespace running busybox httpd. */
class PortProxyIT {
  @TempDir Path tmp;
  private Vertx vertx;
  private NetworkDriver driver;
  private PortPublisher proxy;
  private RuntimePaths paths;
  private String network;
  private Attachment web;
  private Process httpd;
  private Process udpEcho;
  private final String run =
      HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);

  @BeforeEach
  void startContainer() throws Exception {
    vertx = Vertx.vertx();
    paths = new RuntimePaths(tmp.resolve("root"), tmp.resolve("run"));
    driver = NetworkDrivers.linux(vertx, paths);
    proxy = NetworkDrivers.portProxy(vertx, paths);
    await(driver.start());
    await(proxy.start());
    network = "it" + run + "_ports";
    await(driver.create(NetworkSpec.of(network, Map.of())));
    web =
        await(
            driver.attach(
                AttachSpec.of(run + "-web", "web", List.of(EndpointSpec.of(network, "web")))));
    httpd = httpd(80, "www", "hello " + run);
    udpEcho =
        new ProcessBuilder(
                "nsenter",
                "--net=" + web.netns(),
                "python3",
                "-c",
                "import socket\ns=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\n"
                    + "s.bind(('0.0.0.0',7000))\nwhile True:\n d,a=s.recvfrom(2048)\n"
                    + " s.sendto(b'echo:'+d,a)\n")
            .start();
    waitForPort(web.netns(), 80);
  }

  @AfterEach
  void stopContainer() {
    httpd.destroyForcibly();
    udpEcho.destroyForcibly();
    try {
      await(proxy.unpublish(run + "-web"));
      await(driver.detach(run + "-web"));
      await(driver.remove(network));
    } finally {
      await(proxy.stop());
      await(driver.stop());
      vertx.close();
    }
  }

  @Test
  void publishedTcpPortAnswersOnTheGivenHostIpOnly() throws Exception {
    int port = freePorts(1);
    List<PublishedPort> ports =
        await(
            proxy.publish(
                run + "-web",
                web.primaryAddress(),
                List.of(PortBinding.tcp(port, 80).withHostIp("127.0.0.1"))));

    assertThat(ports)
        .containsExactly(new PublishedPort("127.0.0.1", port, web.primaryAddress(), 80, "tcp"));
    assertThat(httpGet("127.0.0.1", port)).contains("hello " + run);
    assertThatThrownBy(() -> httpGet("127.0.0.2", port)).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void randomHostPortIsChosenReportedAndServed() throws Exception {
    List<PublishedPort> ports =
        await(proxy.publish(run + "-web", web.primaryAddress(), List.of(PortBinding.tcp(0, 80))));

    assertThat(ports).hasSize(1);
    int chosen = ports.get(0).hostPort();
    assertThat(chosen).isPositive();
    assertThat(ports.get(0).hostIp()).isEqualTo("0.0.0.0");
    assertThat(httpGet("127.0.0.1", chosen)).contains("hello " + run);
    assertThat(await(proxy.published(run + "-web"))).isEqualTo(ports);
  }

  @Test
  void udpPortForwardsDatagramsBothWays() throws Exception {
    int port = freePorts(1);
    await(
        proxy.publish(
            run + "-web",
            web.primaryAddress(),
            List.of(PortBinding.udp(port, 7000).withHostIp("127.0.0.1"))));

    assertThat(udpPing(port, 2000)).isEqualTo("echo:ping");
  }

  @Test
  void takenHostPortFailsNamingPortAndHolderAndOpensNothing() throws Exception {
    int taken = freePorts(2);
    int free = taken + 1;
    Process holder = new ProcessBuilder("busybox", "nc", "-l", "-p", String.valueOf(taken)).start();
    try {
      waitForHostPort(taken);
      assertThatThrownBy(
              () ->
                  await(
                      proxy.publish(
                          run + "-web",
                          web.primaryAddress(),
                          List.of(PortBinding.tcp(free, 80), PortBinding.tcp(taken, 80)))))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining(":" + taken + "/tcp is already in use by pid " + holder.pid())
          .hasMessageContaining("busybox");
      assertThatThrownBy(() -> httpGet("127.0.0.1", free)).isInstanceOf(java.io.IOException.class);
      assertThat(await(proxy.published(run + "-web"))).isEmpty();
    } finally {
      holder.destroyForcibly();
    }
  }

  @Test
  void hostPortRangeMapsOneToOneOntoTheContainerRangeAndEveryPortForwards() throws Exception {
    int first = freePorts(2);
    List<Process> servers = new java.util.ArrayList<>();
    try {
      for (int port : new int[] {8080, 8081}) {
        servers.add(httpd(port, "www" + port, "port " + port + " " + run));
        waitForPort(web.netns(), port);
      }

      List<PublishedPort> ports =
          await(
              proxy.publish(
                  run + "-web",
                  web.primaryAddress(),
                  List.of(new PortBinding("127.0.0.1", first, first + 1, 8080, 8081, "tcp"))));

      assertThat(ports)
          .containsExactly(
              new PublishedPort("127.0.0.1", first, web.primaryAddress(), 8080, "tcp"),
              new PublishedPort("127.0.0.1", first + 1, web.primaryAddress(), 8081, "tcp"));
      assertThat(httpGet("127.0.0.1", first)).contains("port 8080 " + run);
      assertThat(httpGet("127.0.0.1", first + 1)).contains("port 8081 " + run);
    } finally {
      servers.forEach(Process::destroyForcibly);
    }
  }

  @Test
  void ipv6WildcardIsServedOnBothStacksAndClashesWithAnotherContainersIpv4Port() throws Exception {
    assumeTrue(ipv6Usable(), "IPv6 is disabled or ::1 cannot be bound on this host");
    int port = freePorts(1);
    String other = run + "-other";
    List<PublishedPort> ports =
        await(
            proxy.publish(
                run + "-web",
                web.primaryAddress(),
                List.of(PortBinding.tcp(port, 80).withHostIp("::"))));
    try {
      assertThat(ports).extracting(PublishedPort::hostIp).containsExactly("::");
      assertThat(httpGet("127.0.0.1", port)).contains("hello " + run);
      assertThat(httpGet("::1", port)).contains("hello " + run);

      // Another container asking for the same port on 0.0.0.0, then on 127.0.0.1: both overlap
      // "::", and the proxy names its own container instead of its own pid.
      for (String ip : List.of("0.0.0.0", "127.0.0.1")) {
        assertThatThrownBy(
                () ->
                    await(
                        proxy.publish(
                            other,
                            web.primaryAddress(),
                            List.of(PortBinding.tcp(port, 80).withHostIp(ip)))))
            .isInstanceOf(ConflictException.class)
            .hasMessage(
                "container "
                    + other
                    + ": host port "
                    + ip
                    + ":"
                    + port
                    + "/tcp is already in use by container "
                    + run
                    + "-web (published by jcompose); stop it or publish another host port");
      }
    } finally {
      await(proxy.unpublish(other));
    }
  }

  @Test
  void ipv6WildcardAskedAfterAnIpv4PortOfAnotherContainerIsRefusedNamingThatContainer()
      throws Exception {
    assumeTrue(ipv6Usable(), "IPv6 is disabled or ::1 cannot be bound on this host");
    int port = freePorts(1);
    String other = run + "-other";
    await(proxy.publish(run + "-web", web.primaryAddress(), List.of(PortBinding.tcp(port, 80))));
    try {
      assertThatThrownBy(
              () ->
                  await(
                      proxy.publish(
                          other,
                          web.primaryAddress(),
                          List.of(
                              PortBinding.udp(0, 7000),
                              PortBinding.tcp(port, 80).withHostIp("::")))))
          .isInstanceOf(ConflictException.class)
          .hasMessage(
              "container "
                  + other
                  + ": host port [::]:"
                  + port
                  + "/tcp is already in use by container "
                  + run
                  + "-web (published by jcompose); stop it or publish another host port");
      assertThat(await(proxy.published(other))).isEmpty();
    } finally {
      await(proxy.unpublish(other));
    }
  }

  @Test
  void restartedProxyListensAgainOnTheSamePorts() throws Exception {
    List<PublishedPort> ports =
        await(proxy.publish(run + "-web", web.primaryAddress(), List.of(PortBinding.tcp(0, 80))));
    await(proxy.stop());
    assertThatThrownBy(() -> httpGet("127.0.0.1", ports.get(0).hostPort()))
        .isInstanceOf(java.io.IOException.class);

    proxy = NetworkDrivers.portProxy(vertx, paths);
    await(proxy.start());
    assertThat(httpGet("127.0.0.1", ports.get(0).hostPort())).contains("hello " + run);
  }

  /** Busybox httpd in the container's namespace on {@code port}, serving {@code index} as /. */
  private Process httpd(int port, String docrootName, String index) throws Exception {
    Path docroot = Files.createDirectories(tmp.resolve(docrootName));
    Files.writeString(docroot.resolve("index.html"), index);
    return new ProcessBuilder(
            "nsenter",
            "--net=" + web.netns(),
            "busybox",
            "httpd",
            "-f",
            "-p",
            String.valueOf(port),
            "-h",
            docroot.toString())
        .start();
  }

  /** Whether IPv6 is on and {@code ::1} can be bound, which the {@code ::} wildcard tests need. */
  private static boolean ipv6Usable() {
    try {
      String disabled = Files.readString(Path.of("/proc/sys/net/ipv6/conf/all/disable_ipv6"));
      if (!disabled.strip().equals("0")) {
        return false;
      }
      try (ServerSocket s = new ServerSocket()) {
        s.bind(new InetSocketAddress("::1", 0));
      }
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static void waitForPort(Path netns, int port) throws Exception {
    for (int i = 0; i < 50; i++) {
      if (Shell.inNetns(netns, "busybox netstat -ltn | grep -q ':" + port + " '").exit() == 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("port " + port + " never opened in " + netns);
  }

  private static void waitForHostPort(int port) throws Exception {
    for (int i = 0; i < 50; i++) {
      if (Shell.sh("busybox netstat -ltn | grep -q ':" + port + " '").exit() == 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("port " + port + " never opened");
  }
}
