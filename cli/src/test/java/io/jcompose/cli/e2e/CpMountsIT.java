package io.jcompose.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.runtime.api.RootfsLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cp} into a container and its mounts: a {@code :ro} volume is refused as docker refuses it
 * (running or stopped), a volume whose mount point the image lacks receives the file while the
 * container was never started, and neither a start nor another cp runs while a cp holds the
 * container's file system.
 */
class CpMountsIT {

  private static final String IMAGE = "jcompose-samples/busybox:1";

  @TempDir Path files;

  @Test
  void cp_refusesReadOnlyVolumes_fillsMissingMountPoints_andExcludesAConcurrentStart()
      throws Exception {
    Path readOnly = Files.createDirectories(files.resolve("ro"));
    Path compose =
        Files.writeString(
            files.resolve("compose.yaml"),
            "services:\n  box:\n    image: "
                + IMAGE
                + "\n    init: true\n    command: [\"sleep\", \"3600\"]\n"
                + "    volumes:\n      - ./ro:/ro:ro\n      - data:/data/vol\n"
                + "volumes:\n  data: {}\n");
    Path local = Files.writeString(files.resolve("note.txt"), "noted\n");
    try (SampleStack stack = SampleStack.ofComposeFile(compose, "cpmounts")) {
      ok(stack.importImages("busybox"));
      ok(stack.compose("create", "box"));

      CommandResult toReadOnly = stack.compose("cp", local.toString(), "box:/ro/");
      assertThat(toReadOnly.exitCode()).as(toReadOnly.describe()).isEqualTo(1);
      assertThat(toReadOnly.stderr()).contains("mounted volume is marked read-only: /ro");
      assertThat(readOnly).isEmptyDirectory();

      ok(stack.compose("cp", local.toString(), "box:/data/vol/note.txt"));

      JsonNode box = stack.containers().get(0);
      Path containerDir = stack.stateDir().resolve("root/containers/" + box.path("ID").asText());
      try (RootfsLock held = RootfsLock.acquire(containerDir, "box", "test", Duration.ZERO)) {
        CommandResult blockedCp = stack.compose("cp", local.toString(), "box:/tmp/");
        assertThat(blockedCp.exitCode()).as(blockedCp.describe()).isEqualTo(1);
        assertThat(blockedCp.stderr()).contains("a cp or a start holds its file system");
      }
      try (RootfsLock held = RootfsLock.acquire(containerDir, "box", "test", Duration.ZERO)) {
        CommandResult blockedStart = stack.compose("start", "box");
        assertThat(blockedStart.exitCode()).as(blockedStart.describe()).isEqualTo(1);
        assertThat(blockedStart.stderr()).contains("a cp or a start holds its file system");
        assertThat(state(stack))
            .as("no start while the file system is held")
            .isNotEqualTo("running");
      }
      ok(stack.compose("start", "box"));
      assertThat(state(stack)).isEqualTo("running");

      CommandResult cat = stack.compose("exec", "-T", "box", "cat", "/data/vol/note.txt");
      assertThat(cat.stdout())
          .as("the file copied before the first start is in the volume: " + cat.describe())
          .contains("noted");
      CommandResult runningReadOnly = stack.compose("cp", local.toString(), "box:/ro/");
      assertThat(runningReadOnly.exitCode()).as(runningReadOnly.describe()).isEqualTo(1);
      assertThat(runningReadOnly.stderr()).contains("mounted volume is marked read-only");
      assertThat(readOnly).isEmptyDirectory();
    }
  }

  private static String state(SampleStack stack) {
    return stack.containers().get(0).path("State").asText();
  }

  private static void ok(CommandResult result) {
    assertThat(result.succeeded()).as(result.describe()).isTrue();
  }
}
