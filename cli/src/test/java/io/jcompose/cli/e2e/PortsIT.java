package io.jcompose.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Published ports end to end through {@code ./jcompose}: a host port another process holds fails
 * {@code up} on one line and leaves the service created with nothing open, and {@code port} prints
 * the random host port {@code ps} reports, through which the service answers. One state (one
 * daemon, one import of the busybox image); each test has its own project and takes it down.
 */
class PortsIT {

  private static final String IMAGE = "jcompose-samples/busybox:1";

  @TempDir static Path files;
  private static SampleStack state;

  @BeforeAll
  static void importBusybox() throws IOException {
    state =
        SampleStack.ofComposeFile(write("base", "  idle:\n    image: " + IMAGE + "\n"), "ports");
    CommandResult images = state.importImages("busybox");
    assertThat(images.succeeded()).as(images.describe()).isTrue();
  }

  @AfterAll
  static void stopDaemon() throws IOException {
    if (state != null) {
      state.close();
    }
  }

  @Test
  void up_hostPortHeldByAnotherProcess_failsOnOneLineNamingServicePortAndHolder_andOpensNothing()
      throws Exception {
    int taken = LoopbackHttp.freePort();
    int otherOfB = LoopbackHttp.freePort();
    int ofA = LoopbackHttp.freePort();
    String yaml =
        service("a", "exec sleep 3600")
            + "    ports: [\"127.0.0.1:"
            + ofA
            + ":80\"]\n"
            + service("b", "exec sleep 3600")
            + "    ports: [\"127.0.0.1:"
            + otherOfB
            + ":81\", \"127.0.0.1:"
            + taken
            + ":80\"]\n";
    Process holder =
        new ProcessBuilder("busybox", "nc", "-l", "-p", Integer.toString(taken)).start();
    try (SampleStack p = state.forComposeFile(write("taken", yaml), "taken")) {
      awaitListening(taken);
      DownLeavesNothing leftovers = DownLeavesNothing.watch(p);

      CommandResult up = p.compose("--progress", "quiet", "up", "-d");

      assertThat(up.exitCode()).as(up.describe()).isEqualTo(1);
      assertThat(up.stderr().lines().toList())
          .as(up.describe())
          .containsExactly(
              "jcompose: service b: host port 127.0.0.1:"
                  + taken
                  + "/tcp is already in use by pid "
                  + holder.pid()
                  + " (busybox); stop it or publish another host port");
      assertThat(stateOf(p, "b")).as("b after the failed up").isEqualTo("created");
      assertThat(stateOf(p, "a")).as("a, started before, keeps running").isEqualTo("running");
      assertThat(accepts(otherOfB)).as("b's other port %d has no listener", otherOfB).isFalse();
      // The host's listener, not a connection: with the DNAT fast path a connect reaches a's
      // container, where nothing listens on 80.
      assertThat(listens(ofA)).as("a's port %d listens", ofA).isTrue();
      leftovers.whileUp();

      holder.destroyForcibly().waitFor();
      CommandResult down = p.compose("down", "-v");
      assertThat(down.succeeded()).as(down.describe()).isTrue();
      leftovers.assertNothingLeft();
      assertThat(accepts(ofA)).as("a's port %d after down", ofA).isFalse();
    } finally {
      holder.destroyForcibly();
    }
  }

  @Test
  void runServicePorts_hostPortHeldByAnotherProcess_failsOnOneLine_andWithRmLeavesNothing()
      throws Exception {
    int taken = LoopbackHttp.freePort();
    int other = LoopbackHttp.freePort();
    String yaml =
        service("b", "exec sleep 3600")
            + "    ports: [\"127.0.0.1:"
            + other
            + ":81\", \"127.0.0.1:"
            + taken
            + ":80\"]\n";
    Process holder =
        new ProcessBuilder("busybox", "nc", "-l", "-p", Integer.toString(taken)).start();
    try (SampleStack p = state.forComposeFile(write("run-taken", yaml), "runtaken")) {
      awaitListening(taken);
      String line =
          "jcompose: service b: host port 127.0.0.1:"
              + taken
              + "/tcp is already in use by pid "
              + holder.pid()
              + " (busybox); stop it or publish another host port";

      for (String mode : List.of("-d", "-T")) {
        CommandResult run =
            p.composeWithInput(
                "", "--progress", "quiet", "run", "--rm", mode, "--service-ports", "b");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.stderr().lines().toList()).as(run.describe()).containsExactly(line);
        assertThat(accepts(other)).as("run %s: port %d has no listener", mode, other).isFalse();
        // ps lists one-off containers too.
        assertThat(p.containers()).as("run %s --rm leaves no one-off", mode).isEmpty();
      }
    } finally {
      holder.destroyForcibly();
    }
  }

  @Test
  void port_printsTheRandomHostPortPsReports_andTheServiceAnswersThroughIt() throws Exception {
    String yaml =
        service("web", "echo port-it-page > /tmp/index.html; exec httpd -f -p 80 -h /tmp")
            + "    ports: [\"80\", \"127.0.0.1::7000/udp\"]\n";
    try (SampleStack p = state.forComposeFile(write("random", yaml), "random")) {
      CommandResult up = p.compose("up", "-d");
      assertThat(up.succeeded()).as(up.describe()).isTrue();

      CommandResult tcp = p.compose("port", "web", "80");
      assertThat(tcp.succeeded()).as(tcp.describe()).isTrue();
      assertThat(tcp.stdout()).as(tcp.describe()).matches("0\\.0\\.0\\.0:\\d+\n");
      int hostPort = Integer.parseInt(tcp.stdout().strip().substring("0.0.0.0:".length()));
      assertThat(LoopbackHttp.awaitBody(hostPort, "/", b -> true, Duration.ofSeconds(20)))
          .contains("port-it-page");

      CommandResult udp = p.compose("port", "--protocol", "udp", "web", "7000");
      assertThat(udp.succeeded()).as(udp.describe()).isTrue();
      assertThat(udp.stdout()).as(udp.describe()).matches("127\\.0\\.0\\.1:\\d+\n");

      JsonNode web = p.containers().get(0);
      assertThat(publishers(web))
          .containsExactlyInAnyOrder(
              tcp.stdout().strip() + "->80/tcp", udp.stdout().strip() + "->7000/udp");

      CommandResult unpublished = p.compose("port", "web", "81");
      assertThat(unpublished.exitCode()).as(unpublished.describe()).isEqualTo(1);
      assertThat(unpublished.stderr())
          .isEqualTo(
              "jcompose: service web does not publish port 81/tcp; it publishes 80/tcp,"
                  + " 7000/udp\n");
      CommandResult badProtocol = p.compose("port", "--protocol", "sctp", "web", "80");
      assertThat(badProtocol.exitCode()).as(badProtocol.describe()).isEqualTo(2);
    }
  }

  private static List<String> publishers(JsonNode container) {
    return java.util.stream.StreamSupport.stream(container.path("Publishers").spliterator(), false)
        .map(
            pp ->
                pp.path("URL").asText()
                    + ":"
                    + pp.path("PublishedPort").asInt()
                    + "->"
                    + pp.path("TargetPort").asInt()
                    + "/"
                    + pp.path("Protocol").asText())
        .toList();
  }

  private static String stateOf(SampleStack p, String service) {
    return p.containers().stream()
        .filter(c -> c.path("Service").asText().equals(service))
        .map(c -> c.path("State").asText())
        .findFirst()
        .orElse("(no container)");
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void awaitListening(int port) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
    // A probe connection would be the one nc accepts and then exits: read /proc instead.
    while (Instant.now().isBefore(deadline)) {
      if (listens(port)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("busybox nc never listened on " + port);
  }

  /** Whether a host socket listens on the TCP port, by /proc (no probe connection). */
  private static boolean listens(int port) {
    String hex = String.format(":%04X ", port);
    boolean found = false;
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        found |=
            Files.readAllLines(Path.of(table)).stream()
                .anyMatch(l -> l.contains(hex) && l.strip().split("\\s+")[3].equals("0A"));
      } catch (IOException e) {
        // no IPv6 table: the IPv4 one decides
      }
    }
    return found;
  }

  private static Path write(String name, String services) throws IOException {
    Path dir = Files.createDirectories(files.resolve(name));
    return Files.writeString(dir.resolve("compose.yaml"), "services:\n" + services);
  }

  /** A busybox service running {@code sh -c script} under an init, so stop is quick. */
  private static String service(String name, String script) {
    return "  "
        + name
        + ":\n    image: "
        + IMAGE
        + "\n    init: true\n    command: [\"sh\", \"-c\", \""
        + script.replace("\"", "\\\"")
        + "\"]\n";
  }
}
