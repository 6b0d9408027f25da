package io.jcompose.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code jcompose network} end to end with a Compose file's {@code external: true} network:
 * missing, {@code up} fails and creates nothing; created with {@code network create}, the project
 * attaches to it with its MTU, it cannot be removed while in use, {@code down} keeps it and {@code
 * network rm} deletes its bridge.
 */
class NetworkCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void externalNetworkIsCreatedByNetworkCreateUsedByUpKeptByDownAndRemovedByNetworkRm()
      throws Exception {
    String network =
        "e2eshared" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    Path dir = Files.createTempDirectory("jcompose-network-it-");
    Path compose = dir.resolve("compose.yaml");
    Files.writeString(
        compose,
        "services:\n"
            + "  app:\n"
            + "    image: jcompose-samples/busybox:1\n"
            + "    command: [\"sleep\", \"603\"]\n"
            + "    networks: [shared]\n"
            + "networks:\n"
            + "  shared:\n"
            + "    external: true\n"
            + "    name: "
            + network
            + "\n");
    try (SampleStack stack = SampleStack.ofComposeFile(compose, "netcmd")) {
      CommandResult images = stack.importImages("busybox");
      assertThat(images.succeeded()).as(images.describe()).isTrue();

      CommandResult missing = stack.compose("up", "-d");
      assertThat(missing.exitCode()).as(missing.describe()).isEqualTo(1);
      assertThat(missing.stderr().strip().lines()).as(missing.describe()).hasSize(1);
      assertThat(missing.stderr()).contains(network);
      assertThat(stack.containers()).as("containers after the failed up").isEmpty();

      CommandResult create =
          stack.jcompose(
              "network",
              "create",
              "--label",
              "team=web",
              "-o",
              "com.docker.network.driver.mtu=1400",
              network);
      assertThat(create.succeeded()).as(create.describe()).isTrue();
      try {
        assertExternalNetworkLifecycle(stack, network);
      } finally {
        // A failed assertion may leave the project on the network: down first, or rm is refused.
        stack.compose("down");
        stack.jcompose("network", "rm", network);
      }
    } finally {
      Files.deleteIfExists(compose);
      Files.deleteIfExists(dir);
    }
  }

  private static void assertExternalNetworkLifecycle(SampleStack stack, String network)
      throws Exception {
    CommandResult again = stack.jcompose("network", "create", network);
    assertThat(again.exitCode()).as(again.describe()).isEqualTo(1);
    assertThat(again.stderr().strip().lines()).as(again.describe()).hasSize(1);
    assertThat(again.stderr()).contains("network " + network + " already exists");
    assertThat(stack.jcompose("network", "ls", "-q").stdout().lines()).contains(network);
    JsonNode inspected =
        JSON.readTree(stack.jcompose("network", "inspect", network).stdout()).get(0);
    assertThat(inspected.path("labels").path("team").asText()).isEqualTo("web");
    String bridge = inspected.path("bridge").asText();
    assertThat(bridge).startsWith("jc-");

    CommandResult up = stack.compose("up", "-d");
    assertThat(up.succeeded()).as(up.describe()).isTrue();
    CommandResult mtu = stack.compose("exec", "-T", "app", "cat", "/sys/class/net/eth0/mtu");
    assertThat(mtu.stdout().strip()).as(mtu.describe()).isEqualTo("1400");

    CommandResult inUse = stack.jcompose("network", "rm", network);
    assertThat(inUse.exitCode()).as(inUse.describe()).isEqualTo(1);
    assertThat(inUse.stderr().strip().lines()).as(inUse.describe()).hasSize(1);
    assertThat(inUse.stderr()).contains(network);

    CommandResult down = stack.compose("down");
    assertThat(down.succeeded()).as(down.describe()).isTrue();
    assertThat(stack.jcompose("network", "ls", "-q").stdout().lines())
        .as("an external network outlives down")
        .contains(network);
    assertThat(linkExists(bridge)).isTrue();

    CommandResult rm = stack.jcompose("network", "rm", network);
    assertThat(rm.succeeded()).as(rm.describe()).isTrue();
    assertThat(stack.jcompose("network", "ls", "-q").stdout().lines()).doesNotContain(network);
    assertThat(linkExists(bridge)).as("bridge %s after network rm", bridge).isFalse();
  }

  @Test
  void networkCreateRefusesABadNameAndAnUnknownOptionInOneLine() throws Exception {
    Path dir = Files.createTempDirectory("jcompose-network-it-");
    Path compose = dir.resolve("compose.yaml");
    Files.writeString(compose, "services: {}\n");
    try (SampleStack stack = SampleStack.ofComposeFile(compose, "netbad")) {
      // Started first, so that its one line about starting is not among the errors' output.
      assertThat(stack.jcompose("network", "ls", "-q").stdout().strip()).isEmpty();
      CommandResult badName = stack.jcompose("network", "create", "-bad");
      assertThat(badName.exitCode()).as(badName.describe()).isNotZero();
      CommandResult spaces = stack.jcompose("network", "create", "two words");
      assertThat(spaces.exitCode()).as(spaces.describe()).isEqualTo(1);
      assertThat(spaces.stderr().strip().lines()).as(spaces.describe()).hasSize(1);
      assertThat(spaces.stderr()).contains("'two words' is invalid");
      CommandResult option = stack.jcompose("network", "create", "-o", "foo=1", "e2enetbadopt");
      assertThat(option.exitCode()).as(option.describe()).isEqualTo(1);
      assertThat(option.stderr()).contains("'foo' is not supported");
      assertThat(stack.jcompose("network", "ls", "-q").stdout().strip()).isEmpty();

      String kept = "e2enetrm" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
      CommandResult made = stack.jcompose("network", "create", kept);
      assertThat(made.succeeded()).as(made.describe()).isTrue();
      try {
        CommandResult some = stack.jcompose("network", "rm", "e2enetnosuch", kept);
        assertThat(some.exitCode()).as(some.describe()).isEqualTo(1);
        assertThat(some.stdout().strip()).as("removed despite the other").isEqualTo(kept);
        assertThat(some.stderr().strip().lines()).as(some.describe()).hasSize(1);
        assertThat(some.stderr()).contains("e2enetnosuch");
      } finally {
        stack.jcompose("network", "rm", kept);
      }
      assertThat(stack.jcompose("network", "ls", "-q").stdout().strip()).isEmpty();
    } finally {
      Files.deleteIfExists(compose);
      Files.deleteIfExists(dir);
    }
  }

  private static boolean linkExists(String name) {
    return Files.exists(Path.of("/sys/class/net", name));
  }
}
