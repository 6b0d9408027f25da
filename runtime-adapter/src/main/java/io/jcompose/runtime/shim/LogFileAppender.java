package io.jcompose.runtime.shim;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.runtime.api.LogAppender;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Appends JSON lines in the shim's log format ({@link LogFiles}) to a container's {@code
 * container.log}: for output that reached the daemon instead of the shim (an attached run).
 */
public final class LogFileAppender implements LogAppender {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  /** An appender to the log of the container whose state directory is {@code stateDir}. */
  public LogFileAppender(Path stateDir) {
    this.file = stateDir.resolve(LogFiles.FILE);
  }

  @Override
  public synchronized void append(String stream, String line) {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("log", line + "\n");
    entry.put("stream", stream);
    entry.put("time", Instant.now().toString());
    try {
      byte[] json = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
      Files.write(file, json, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new RuntimeFailure("appending to log " + file + ": " + e.getMessage(), e);
    }
  }
}
