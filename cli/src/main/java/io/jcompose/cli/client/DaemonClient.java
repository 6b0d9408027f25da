package io.jcompose.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.scheduler.daemon.DaemonProtocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Calls the daemon's API (see {@code docs/API.md}): one POST per verb, whose NDJSON response
 * streams events to a consumer and ends with the verb's result or its error.
 */
public final class DaemonClient {

  private final UnixHttpClient http;
  private final String clientVersion;
  private final Supplier<ObjectMapper> mapper;

  /** A client sending {@code clientVersion} with every call. */
  public DaemonClient(UnixHttpClient http, String clientVersion, ObjectMapper mapper) {
    this(http, clientVersion, () -> mapper);
  }

  /**
   * A client whose mapper is asked for only when a body is an object to encode: answers are read
   * without one, and building a mapper is a large part of a short command's start-up.
   */
  public DaemonClient(UnixHttpClient http, String clientVersion, Supplier<ObjectMapper> mapper) {
    this.http = http;
    this.clientVersion = clientVersion;
    this.mapper = mapper;
  }

  /** The mapper used for request bodies. */
  public ObjectMapper mapper() {
    return mapper.get();
  }

  /** {@code GET /v1/version}: the daemon's version and pid; fails when nothing listens. */
  public JsonNode version() throws IOException {
    try (UnixHttpResponse response =
        http.send("GET", DaemonProtocol.PREFIX + "/version", Map.of(), null)) {
      return JsonTrees.parse(response.bodyText());
    }
  }

  /** {@code POST /v1/daemon/stop}: asks the daemon to exit; containers keep running. */
  public void requestStop() throws IOException {
    try (UnixHttpResponse response =
        http.send("POST", DaemonProtocol.PREFIX + "/daemon/stop", Map.of(), null)) {
      response.bodyText();
    }
  }

  /**
   * Opens an attach verb ({@code GET /v1/projects/{project}/{verb}} upgraded to a raw stream) with
   * {@code query} as URL parameters; the caller owns the returned channel.
   */
  public java.nio.channels.SocketChannel attach(
      String project, String verb, Map<String, String> query) throws IOException {
    StringBuilder target =
        new StringBuilder(DaemonProtocol.PREFIX + "/projects/" + project + "/" + verb);
    char sep = '?';
    for (Map.Entry<String, String> e : query.entrySet()) {
      target
          .append(sep)
          .append(e.getKey())
          .append('=')
          .append(
              java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8));
      sep = '&';
    }
    return http.upgrade(target.toString(), Map.of(DaemonProtocol.VERSION_HEADER, clientVersion));
  }

  /** Calls a project verb: {@code POST /v1/projects/{project}/{verb}}. */
  public JsonNode project(String project, String verb, Object body, Consumer<JsonNode> events) {
    return call("projects/" + project + "/" + verb, body, events);
  }

  /**
   * Calls {@code POST /v1/{route}} with {@code body} as JSON, passes every event line to {@code
   * events} and returns the {@code result} of the final line.
   *
   * @throws DaemonException with the daemon's kind and message when the verb fails
   */
  public JsonNode call(String route, Object body, Consumer<JsonNode> events) {
    byte[] json;
    try {
      json = body == null ? null : mapper().writeValueAsBytes(body);
    } catch (IOException e) {
      throw new DaemonException("invalid", "cannot encode the request: " + e.getMessage(), e);
    }
    return callJson(route, json, events);
  }

  /** As {@link #call}, with the body already encoded as JSON (or null for none). */
  public JsonNode callJson(String route, byte[] json, Consumer<JsonNode> events) {
    try (UnixHttpResponse response =
        http.send(
            "POST",
            DaemonProtocol.PREFIX + "/" + route,
            Map.of(DaemonProtocol.VERSION_HEADER, clientVersion),
            json)) {
      if (response.status() != 200) {
        throw failureOf(response);
      }
      return readStream(response, events);
    } catch (IOException e) {
      throw new DaemonException(
          "unavailable",
          "lost the connection to the daemon at " + http.socket() + " (" + e.getMessage() + ")",
          e);
    }
  }

  /**
   * As {@link #callJson}, for a client that has not asked the daemon's version first: empty when
   * nothing answers on the socket or the daemon there is of another build (the request was not
   * carried out; the caller then connects the usual way, which starts or replaces the daemon).
   */
  public Optional<JsonNode> callJsonIfCurrent(
      String route, byte[] json, Consumer<JsonNode> events) {
    UnixHttpResponse response;
    try {
      response =
          http.send(
              "POST",
              DaemonProtocol.PREFIX + "/" + route,
              Map.of(DaemonProtocol.VERSION_HEADER, clientVersion),
              json);
    } catch (IOException e) {
      return Optional.empty();
    }
    try (response) {
      if (response.status() != 200) {
        DaemonException failure = failureOf(response);
        if (failure.kind().equals("version")) {
          return Optional.empty();
        }
        throw failure;
      }
      return Optional.of(readStream(response, events));
    } catch (IOException e) {
      throw new DaemonException(
          "unavailable",
          "lost the connection to the daemon at " + http.socket() + " (" + e.getMessage() + ")",
          e);
    }
  }

  private JsonNode readStream(UnixHttpResponse response, Consumer<JsonNode> events)
      throws IOException {
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode event = JsonTrees.parse(line);
      String type = event.path("type").asText();
      if (type.equals(DaemonProtocol.DONE)) {
        return event.path("result");
      }
      if (type.equals(DaemonProtocol.ERROR)) {
        throw new DaemonException(
            event.path("kind").asText("internal"), event.path("message").asText());
      }
      events.accept(event);
    }
    throw new IOException("the stream ended without a result");
  }

  private DaemonException failureOf(UnixHttpResponse response) throws IOException {
    String text = response.bodyText();
    try {
      JsonNode error = JsonTrees.parse(text);
      return new DaemonException(
          error.path("kind").asText("internal"), error.path("message").asText(text.strip()));
    } catch (IOException e) {
      return new DaemonException(
          "internal", "the daemon answered " + response.status() + ": " + text.strip());
    }
  }
}
