package io.jcompose.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code pid: service:X} and {@code ipc: service:X} end to end: the joining service sees the other
 * one's processes and shares its ipc namespace; its start waits for the other (implicit
 * dependency).
 */
class SharedNamespacesIT {

  @Test
  void pidAndIpcServiceX_joinTheOtherServicesNamespaces() throws Exception {
    Path dir = Files.createTempDirectory("jcompose-shared-ns-it-");
    Path compose = dir.resolve("compose.yaml");
    Files.writeString(
        compose,
        "services:\n"
            + "  app:\n"
            + "    image: jcompose-samples/busybox:1\n"
            + "    command: [\"sleep\", \"601\"]\n"
            + "    network_mode: none\n"
            + "  debug:\n"
            + "    image: jcompose-samples/busybox:1\n"
            + "    command: [\"sleep\", \"602\"]\n"
            + "    network_mode: none\n"
            + "    pid: service:app\n"
            + "    ipc: service:app\n");
    try (SampleStack stack = SampleStack.ofComposeFile(compose, "sharedns")) {
      CommandResult images = stack.importImages("busybox");
      assertThat(images.succeeded()).as(images.describe()).isTrue();
      CommandResult up = stack.compose("up", "-d");
      assertThat(up.succeeded()).as(up.describe()).isTrue();

      CommandResult init = stack.compose("exec", "-T", "debug", "cat", "/proc/1/cmdline");
      assertThat(init.stdout().replace('\0', ' ').trim())
          .as(init.describe())
          .isEqualTo("sleep 601");
      String appIpc = stack.compose("exec", "-T", "app", "readlink", "/proc/self/ns/ipc").stdout();
      String debugIpc =
          stack.compose("exec", "-T", "debug", "readlink", "/proc/self/ns/ipc").stdout();
      assertThat(debugIpc).startsWith("ipc:[").isEqualTo(appIpc);

      CommandResult down = stack.compose("down", "-v");
      assertThat(down.succeeded()).as(down.describe()).isTrue();
    } finally {
      Files.deleteIfExists(compose);
      Files.deleteIfExists(dir);
    }
  }
}
