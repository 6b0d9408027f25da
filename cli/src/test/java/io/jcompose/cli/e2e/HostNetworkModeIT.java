package io.jcompose.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** network_mode: host end to end: the host's files with extra_hosts and dns_search, its name. */
class HostNetworkModeIT {

  @Test
  void hostModeServiceSeesExtraHostsDnsSearchAndTheHostsName() throws Exception {
    Path dir = Files.createTempDirectory("jcompose-hostmode-it-");
    Path compose = dir.resolve("compose.yaml");
    Files.writeString(
        compose,
        "services:\n"
            + "  app:\n"
            + "    image: jcompose-samples/busybox:1\n"
            + "    command: [\"sleep\", \"603\"]\n"
            + "    network_mode: host\n"
            + "    extra_hosts: [\"db.hostmode.test:10.0.0.5\"]\n"
            + "    dns_search: [corp.example]\n");
    try (SampleStack stack = SampleStack.ofComposeFile(compose, "hostmode")) {
      assertThat(stack.importImages("busybox").succeeded()).isTrue();
      CommandResult up = stack.compose("up", "-d");
      assertThat(up.succeeded()).as(up.describe()).isTrue();

      CommandResult hosts =
          stack.compose(
              "exec",
              "-T",
              "app",
              "sh",
              "-c",
              "grep db.hostmode.test /etc/hosts; cat /etc/resolv.conf; hostname");
      assertThat(hosts.stdout())
          .as(hosts.describe())
          .contains("10.0.0.5\tdb.hostmode.test\n", "search corp.example\n")
          .endsWith(Files.readString(Path.of("/proc/sys/kernel/hostname")));
      CommandResult down = stack.compose("down");
      assertThat(down.succeeded()).as(down.describe()).isTrue();
    } finally {
      Files.deleteIfExists(compose);
      Files.deleteIfExists(dir);
    }
  }
}
