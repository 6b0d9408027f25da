package io.jcompose.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code cp} both ways with a running busybox container of samples/quickstart: a file and a
 * directory go in, come back out unchanged, and the container sees them; with the container stopped
 * files go both ways through a temporary mount of its file system that nothing leaves behind.
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

      // The compose file on standard input (-f -) names the project as well as a file does.
      CommandResult viaStdin =
          stack.composeFromStdin("cp", "db:/tmp/note.txt", back.resolve("stdin.txt").toString());
      assertThat(viaStdin.succeeded()).as(viaStdin.describe()).isTrue();
      assertThat(back.resolve("stdin.txt")).hasContent("hello from the host");

      CommandResult tar = stack.compose("cp", "db:/tmp/note.txt", "-");
      assertThat(tar.succeeded()).as(tar.describe()).isTrue();
      assertThat(tar.stdout()).startsWith("note.txt").contains("hello from the host");

      CommandResult stop = stack.compose("stop", "db");
      assertThat(stop.succeeded()).as(stop.describe()).isTrue();
      Path fromStopped = Files.createDirectories(stack.stateDir().resolve("from-stopped"));
      CommandResult stoppedOut = stack.compose("cp", "db:/tmp/note.txt", fromStopped.toString());
      assertThat(stoppedOut.succeeded()).as(stoppedOut.describe()).isTrue();
      assertThat(fromStopped.resolve("note.txt")).hasContent("hello from the host");
      CommandResult imageFile = stack.compose("cp", "db:/bin/busybox", fromStopped.toString());
      assertThat(imageFile.succeeded()).as(imageFile.describe()).isTrue();
      assertThat(fromStopped.resolve("busybox")).isRegularFile();

      Files.writeString(local.resolve("while-stopped.txt"), "copied in while stopped\n");
      CommandResult stoppedIn =
          stack.compose("cp", local.resolve("while-stopped.txt").toString(), "db:/tmp/");
      assertThat(stoppedIn.succeeded()).as(stoppedIn.describe()).isTrue();
      assertThat(
              HostLeftovers.mountsMentioning(
                  List.of(stack.stateDir().resolve("run/cp-").toString())))
          .as("nothing stays mounted after cp from a stopped container")
          .isEmpty();

      CommandResult missing = stack.compose("cp", "db:/tmp/no-such-file", fromStopped.toString());
      assertThat(missing.exitCode()).as(missing.describe()).isEqualTo(1);
      assertThat(missing.stderr()).contains("no such file or directory");
      assertThat(
              HostLeftovers.mountsMentioning(
                  List.of(stack.stateDir().resolve("run/cp-").toString())))
          .as("nothing stays mounted after a failed cp")
          .isEmpty();

      CommandResult start = stack.compose("start", "db");
      assertThat(start.succeeded()).as(start.describe()).isTrue();
      CommandResult seen = stack.compose("exec", "-T", "db", "cat", "/tmp/while-stopped.txt");
      assertThat(seen.stdout()).as(seen.describe()).contains("copied in while stopped");

      CommandResult down = stack.compose("down", "-v");
      assertThat(down.succeeded()).as(down.describe()).isTrue();
    }
  }
}
