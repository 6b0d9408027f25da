package io.jcompose.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code cp} both ways with a running busybox container of samples/quickstart: a file and a
 * directory go in, come back out unchanged, and the container sees them; a stopped container gets
 * one clear line.
 */
class CpSampleIT {

  @Test
  void cp_copiesFilesAndDirectoriesInAndOutOfARunningContainer() throws Exception {
    try (SampleStack stack = SampleStack.of("quickstart")) {
      CommandResult images = stack.importImages("busybox");
      assertThat(images.succeeded()).as(images.describe()).isTrue();
      CommandResult up = stack.compose("up", "-d", "db");
      assertThat(up.succeeded()).as(up.describe()).isTrue();

      Path local = Files.createDirectories(stack.stateDir().resolve("local"));
      Files.writeString(local.resolve("note.txt"), "hello from the host\n");
      Files.createDirectories(local.resolve("tree/sub"));
      Files.writeString(local.resolve("tree/sub/deep.txt"), "deep\n");

      CommandResult in = stack.compose("cp", local.resolve("note.txt").toString(), "db:/tmp/");
      assertThat(in.succeeded()).as(in.describe()).isTrue();
      CommandResult cat = stack.compose("exec", "-T", "db", "cat", "/tmp/note.txt");
      assertThat(cat.stdout()).as(cat.describe()).contains("hello from the host");

      CommandResult dirIn = stack.compose("cp", local.resolve("tree").toString(), "db:/tmp");
      assertThat(dirIn.succeeded()).as(dirIn.describe()).isTrue();

      Path back = Files.createDirectories(stack.stateDir().resolve("back"));
      CommandResult out =
          stack.compose("cp", "db:/tmp/note.txt", back.resolve("copy.txt").toString());
      assertThat(out.succeeded()).as(out.describe()).isTrue();
      assertThat(back.resolve("copy.txt")).hasContent("hello from the host");
      CommandResult dirOut = stack.compose("cp", "db:/tmp/tree/.", back.toString());
      assertThat(dirOut.succeeded()).as(dirOut.describe()).isTrue();
      assertThat(back.resolve("sub/deep.txt")).hasContent("deep");

      CommandResult tar = stack.compose("cp", "db:/tmp/note.txt", "-");
      assertThat(tar.succeeded()).as(tar.describe()).isTrue();
      assertThat(tar.stdout()).startsWith("note.txt").contains("hello from the host");

      CommandResult stop = stack.compose("stop", "db");
      assertThat(stop.succeeded()).as(stop.describe()).isTrue();
      CommandResult stopped = stack.compose("cp", "db:/tmp/note.txt", back.toString());
      assertThat(stopped.exitCode()).isEqualTo(1);
      assertThat(stopped.stderr()).contains("is not running; start it first");

      CommandResult down = stack.compose("down", "-v");
      assertThat(down.succeeded()).as(down.describe()).isTrue();
    }
  }
}
