package io.jcompose.runtime.shim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.runtime.api.LogLine;
import io.jcompose.runtime.api.LogOptions;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Reads a container's JSON-lines log ({@code container.log} and its rotated files). Blocking. */
public final class LogFiles {
  /** The current log file's name; rotated ones get {@code .1}, {@code .2}… (higher is older). */
  public static final String FILE = "container.log";

  private static final ObjectMapper JSON = new ObjectMapper();

  private LogFiles() {}

  /** The lines the options select, oldest first (without {@code follow}: what is there now). */
  public static List<LogLine> read(Path stateDir, LogOptions options) {
    List<LogLine> all = readRotated(stateDir);
    all.addAll(readFile(stateDir.resolve(FILE)));
    return select(all, options);
  }

  /** The lines of the rotated files only, oldest first. */
  public static List<LogLine> readRotated(Path stateDir) {
    List<LogLine> out = new ArrayList<>();
    for (int i = 9; i >= 1; i--) {
      out.addAll(readFile(stateDir.resolve(FILE + "." + i)));
    }
    return out;
  }

  /** Applies since/until, then tail. */
  public static List<LogLine> select(List<LogLine> lines, LogOptions options) {
    Deque<LogLine> kept = new ArrayDeque<>();
    for (LogLine line : lines) {
      if (!selected(line, options)) {
        continue;
      }
      kept.addLast(line);
      if (options.tail() >= 0 && kept.size() > options.tail()) {
        kept.removeFirst();
      }
    }
    return new ArrayList<>(kept);
  }

  private static List<LogLine> readFile(Path file) {
    List<LogLine> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        LogLine parsed = parse(line);
        if (parsed != null) {
          out.add(parsed);
        }
      }
    } catch (IOException e) {
      throw new RuntimeFailure("reading log " + file + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** Whether a line falls within since/until. */
  public static boolean selected(LogLine line, LogOptions options) {
    if (options.since() != null && line.time().isBefore(options.since())) {
      return false;
    }
    return options.until() == null || line.time().isBefore(options.until());
  }

  /** One JSON line, or null when it is damaged (a crash mid-write). */
  public static LogLine parse(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      String text = node.path("log").asText();
      if (text.endsWith("\n")) {
        text = text.substring(0, text.length() - 1);
      }
      return new LogLine(
          Instant.parse(node.path("time").asText()), node.path("stream").asText(), text);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
