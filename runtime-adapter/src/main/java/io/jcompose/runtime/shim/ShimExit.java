package io.jcompose.runtime.shim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * How a container's process ended, from {@code exit.json} in its state directory.
 *
 * @param exitCode exit code, 128+signal when killed
 * @param signal the signal that killed it, or 0
 * @param oomKilled whether the OOM killer ended it
 * @param finishedAt when the shim saw it exit
 */
public record ShimExit(int exitCode, int signal, boolean oomKilled, Instant finishedAt) {
  /** The file name the shim writes. */
  public static final String FILE = "exit.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads the record, or empty while the process runs (or has never run). */
  public static Optional<ShimExit> read(Path stateDir) {
    try {
      JsonNode node = JSON.readTree(Files.readAllBytes(stateDir.resolve(FILE)));
      return Optional.of(
          new ShimExit(
              node.path("exitCode").asInt(),
              node.path("signal").asInt(),
              node.path("oomKilled").asBoolean(),
              Instant.parse(node.path("finishedAt").asText())));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      throw new RuntimeFailure("reading " + stateDir.resolve(FILE) + ": " + e.getMessage(), e);
    }
  }
}
