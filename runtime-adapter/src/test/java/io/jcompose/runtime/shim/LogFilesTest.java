package io.jcompose.runtime.shim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.runtime.api.LogLine;
import io.jcompose.runtime.api.LogOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {
  @TempDir Path dir;

  private static String line(String text, String stream, String time) {
    return "{\"log\":\""
        + text
        + "\\n\",\"stream\":\""
        + stream
        + "\",\"time\":\""
        + time
        + "\"}\n";
  }

  @Test
  void read_joinsRotatedFilesOldestFirstAndAppliesSinceUntilAndTail() throws IOException {
    Files.writeString(
        dir.resolve("container.log.1"),
        line("one", "stdout", "2024-01-01T00:00:01Z")
            + line("two", "stderr", "2024-01-01T00:00:02Z"));
    Files.writeString(
        dir.resolve("container.log"),
        line("three", "stdout", "2024-01-01T00:00:03Z")
            + "{\"log\":\"damaged"
            + "\n"
            + line("fo\\\"ur", "stdout", "2024-01-01T00:00:04Z"));
    assertThat(LogFiles.read(dir, LogOptions.ALL))
        .extracting(LogLine::text)
        .containsExactly("one", "two", "three", "fo\"ur");
    assertThat(LogFiles.read(dir, new LogOptions(false, 2, null, null)))
        .extracting(LogLine::text)
        .containsExactly("three", "fo\"ur");
    LogOptions window =
        new LogOptions(
            false,
            -1,
            Instant.parse("2024-01-01T00:00:02Z"),
            Instant.parse("2024-01-01T00:00:04Z"));
    assertThat(LogFiles.read(dir, window))
        .extracting(LogLine::text)
        .containsExactly("two", "three");
  }

  @Test
  void follower_readsAppendedLinesAcrossARotation() throws IOException {
    Path log = dir.resolve("container.log");
    Files.writeString(log, line("old", "stdout", "2024-01-01T00:00:01Z"));
    try (LogFollower follower = new LogFollower(dir, false)) {
      Files.writeString(
          log,
          line("a", "stdout", "2024-01-01T00:00:02Z"),
          java.nio.file.StandardOpenOption.APPEND);
      assertThat(follower.poll()).extracting(LogLine::text).containsExactly("a");
      Files.writeString(
          log,
          line("b", "stdout", "2024-01-01T00:00:03Z"),
          java.nio.file.StandardOpenOption.APPEND);
      Files.move(log, dir.resolve("container.log.1"));
      Files.writeString(log, line("c", "stdout", "2024-01-01T00:00:04Z"));
      List<LogLine> lines = follower.poll();
      assertThat(lines).extracting(LogLine::text).containsExactly("b", "c");
    }
  }
}
