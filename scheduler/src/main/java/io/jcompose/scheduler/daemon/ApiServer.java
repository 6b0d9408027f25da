package io.jcompose.scheduler.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The daemon's HTTP/1.1 server on a unix domain socket: checks the client's version, routes {@code
 * /v1/...} to an {@link ApiHandler} and streams its events as NDJSON.
 */
final class ApiServer {

  private final Vertx vertx;
  private final ApiRoutes routes;
  private final ObjectMapper mapper;
  private final String version;
  private final Runnable stopRequest;
  private HttpServer server;

  ApiServer(
      Vertx vertx, ApiRoutes routes, ObjectMapper mapper, String version, Runnable stopRequest) {
    this.vertx = vertx;
    this.routes = routes;
    this.mapper = mapper;
    this.version = version;
    this.stopRequest = stopRequest;
  }

  /** Binds the socket at {@code path}; fails if it cannot. */
  Future<Void> listen(Path path) {
    server =
        vertx
            .createHttpServer(new HttpServerOptions().setIdleTimeout(0))
            .requestHandler(this::serve);
    return server.listen(SocketAddress.domainSocketAddress(path.toString())).mapEmpty();
  }

  Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  private void serve(HttpServerRequest request) {
    String path = request.path();
    if (!path.startsWith(DaemonProtocol.PREFIX + "/")) {
      reject(request, ApiFailure.invalid("unknown route " + path));
      return;
    }
    String route = path.substring(DaemonProtocol.PREFIX.length() + 1);
    if (route.equals("version") && request.method() == HttpMethod.GET) {
      sendJson(request, 200, Map.of("version", version, "pid", ProcessHandle.current().pid()));
      return;
    }
    if (route.equals("daemon/stop") && request.method() == HttpMethod.POST) {
      sendJson(request, 200, Map.of("stopping", true));
      // Let the answer leave before the server closes.
      vertx.setTimer(50, id -> stopRequest.run());
      return;
    }
    String clientVersion = request.getHeader(DaemonProtocol.VERSION_HEADER);
    if (clientVersion != null && !clientVersion.equals(version)) {
      reject(
          request,
          new ApiFailure(
              "version",
              409,
              "the daemon is version " + version + " but the client is " + clientVersion));
      return;
    }
    if (attach(request, route)) {
      return;
    }
    if (request.method() != HttpMethod.POST) {
      reject(request, ApiFailure.invalid("use POST for " + path));
      return;
    }
    resolve(route)
        .ifPresentOrElse(
            target ->
                request
                    .body()
                    .onComplete(
                        body -> {
                          if (body.failed()) {
                            reject(request, ApiFailure.of(body.cause()));
                          } else {
                            run(request, target, body.result());
                          }
                        }),
            () -> reject(request, new ApiFailure("not_found", 404, "unknown route " + path)));
  }

  /** Upgrades a request for an attach verb to a raw stream; false when the route is not one. */
  private boolean attach(HttpServerRequest request, String route) {
    if (!route.startsWith("projects/")) {
      return false;
    }
    String rest = route.substring("projects/".length());
    int slash = rest.indexOf('/');
    if (slash <= 0) {
      return false;
    }
    String project = rest.substring(0, slash);
    Optional<AttachHandler> handler = routes.attachVerb(rest.substring(slash + 1));
    if (handler.isEmpty()) {
      return false;
    }
    if (request.method() != HttpMethod.GET
        || !"upgrade".equalsIgnoreCase(request.getHeader("Connection"))) {
      reject(request, ApiFailure.invalid("use GET with Connection: Upgrade for " + route));
      return true;
    }
    Map<String, String> query = new HashMap<>();
    request.params().forEach(e -> query.put(e.getKey(), e.getValue()));
    request
        .toNetSocket()
        .onSuccess(
            socket -> {
              Future<io.jcompose.runtime.api.AttachedExec> exec;
              try {
                exec = handler.get().open(project, query);
              } catch (RuntimeException e) {
                exec = Future.failedFuture(e);
              }
              AttachSession.relay(socket, exec);
            })
        .onFailure(e -> reject(request, ApiFailure.of(e)));
    return true;
  }

  /** A handler with the project name and verb the path names. */
  private record Target(ApiHandler handler, String project, String verb) {}

  private Optional<Target> resolve(String route) {
    if (route.startsWith("projects/")) {
      String rest = route.substring("projects/".length());
      int slash = rest.indexOf('/');
      if (slash <= 0) {
        return Optional.empty();
      }
      String project = rest.substring(0, slash);
      String verb = rest.substring(slash + 1);
      return routes.projectVerb(verb).map(h -> new Target(h, project, verb));
    }
    return routes.hostVerb(route).map(h -> new Target(h, null, route));
  }

  private void run(HttpServerRequest request, Target target, Buffer body) {
    JsonNode json;
    try {
      json = body.length() == 0 ? null : mapper.readTree(body.getBytes());
    } catch (IOException e) {
      reject(request, ApiFailure.invalid("request body is not JSON: " + e.getMessage()));
      return;
    }
    Map<String, String> query = new HashMap<>();
    request.params().forEach(e -> query.put(e.getKey(), e.getValue()));
    request
        .response()
        .setStatusCode(200)
        .setChunked(true)
        .putHeader("Content-Type", DaemonProtocol.NDJSON);
    ResponseEventSink sink =
        new ResponseEventSink(request.response(), vertx.getOrCreateContext(), mapper);
    Future<?> result;
    try {
      result =
          target.handler().handle(new ApiCall(target.verb(), target.project(), json, query, sink));
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(
        done -> {
          if (done.succeeded()) {
            sink.finish(done.result());
          } else {
            sink.fail(ApiFailure.of(done.cause()));
          }
        });
  }

  private void reject(HttpServerRequest request, ApiFailure failure) {
    sendJson(
        request, failure.status(), Map.of("kind", failure.kind(), "message", failure.message()));
  }

  private void sendJson(HttpServerRequest request, int status, Object value) {
    try {
      request
          .response()
          .setStatusCode(status)
          .putHeader("Content-Type", "application/json")
          .end(mapper.writeValueAsString(value) + "\n");
    } catch (IOException e) {
      request.response().setStatusCode(500).end();
    }
  }
}
