package io.jcompose.scheduler.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Map;

/**
 * One API request as a handler sees it.
 *
 * @param verb the verb of the route ({@code up}, {@code ps}…)
 * @param project the project name from the path, or null for host-wide verbs
 * @param body the JSON body ({@link MissingNode} when empty)
 * @param query the query parameters
 * @param events where the handler streams progress and log events
 */
public record ApiCall(
    String verb, String project, JsonNode body, Map<String, String> query, EventSink events) {

  public ApiCall {
    body = body == null ? MissingNode.getInstance() : body;
    query = Map.copyOf(query);
  }

  /** The body field {@code name}, or a missing node. */
  public JsonNode field(String name) {
    return body.path(name);
  }

  /** The body field {@code name} as text; fails when it is missing, not text or empty. */
  public String text(String name) {
    JsonNode node = field(name);
    if (!node.isTextual() || node.asText().isEmpty()) {
      throw new IllegalArgumentException("request field '" + name + "' is missing");
    }
    return node.asText();
  }
}
