package io.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.scheduler.api.ProgressEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads a {@link ProgressEvent} from the tree the daemon streams, without an {@code ObjectMapper}
 * (see {@link io.jcompose.cli.client.JsonTrees}): the fields and forms are those the API's mapper
 * writes, which a test checks.
 */
final class ProgressEventTrees {

  private ProgressEventTrees() {}

  static ProgressEvent read(JsonNode data) {
    try {
      String time = text(data, "time");
      String kind = text(data, "kind");
      return new ProgressEvent(
          text(data, "resource"),
          text(data, "status"),
          kind == null ? null : ProgressEvent.Kind.valueOf(kind),
          text(data, "detail"),
          time == null ? null : Instant.parse(time));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new CliException("the daemon sent an event this client cannot read: " + e.getMessage());
    }
  }

  private static String text(JsonNode data, String field) {
    JsonNode node = data.path(field);
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }
}
