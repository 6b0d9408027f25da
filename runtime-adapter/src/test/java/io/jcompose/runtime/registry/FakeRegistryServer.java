package io.jcompose.runtime.registry;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A minimal registry on 127.0.0.1 for protocol tests: serves every manifest request with one
 * manifest and blobs from an OCI layout, after an interceptor had its say (it answers the request
 * itself and returns true to simulate a fault). Records "METHOD path range" per request.
 */
final class FakeRegistryServer implements AutoCloseable {

  final List<String> requests = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  FakeRegistryServer(
      Vertx vertx,
      OciLayoutWriter layout,
      String manifestDigest,
      Predicate<HttpServerRequest> fault)
      throws Exception {
    this.server =
        vertx
            .createHttpServer()
            .requestHandler(
                req -> {
                  requests.add(req.method() + " " + req.path() + " " + req.getHeader("Range"));
                  if (fault.test(req)) {
                    return;
                  }
                  String path = req.path();
                  if (path.contains("/manifests/")) {
                    req.response()
                        .putHeader("Content-Type", OciLayoutWriter.OCI_MANIFEST)
                        .sendFile(layout.blobPath(manifestDigest).toString());
                  } else if (path.contains("/blobs/")) {
                    Path blob = layout.blobPath(path.substring(path.lastIndexOf('/') + 1));
                    serveRange(req, blob);
                  } else {
                    req.response().end("{}");
                  }
                })
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  private static void serveRange(HttpServerRequest req, Path blob) {
    String range = req.getHeader("Range");
    try {
      long size = Files.size(blob);
      if (range == null) {
        req.response().sendFile(blob.toString());
        return;
      }
      long start = Long.parseLong(range.replaceAll("[^0-9-]", "").split("-")[0]);
      req.response()
          .setStatusCode(206)
          .putHeader("Content-Range", "bytes " + start + "-" + (size - 1) + "/" + size)
          .sendFile(blob.toString(), start, size - start);
    } catch (Exception e) {
      req.response().setStatusCode(500).end(e.toString());
    }
  }

  /** Sends the first {@code bytes} of {@code blob} with the full Content-Length, then hangs up. */
  static void cutAfter(HttpServerRequest req, Path blob, int bytes) {
    try {
      byte[] all = Files.readAllBytes(blob);
      req.response().putHeader("Content-Length", Long.toString(all.length));
      req.response()
          .write(Buffer.buffer(java.util.Arrays.copyOf(all, bytes)))
          .onComplete(ar -> req.connection().close());
    } catch (Exception e) {
      req.response().setStatusCode(500).end(e.toString());
    }
  }

  String host() {
    return "127.0.0.1:" + server.actualPort();
  }

  @Override
  public void close() {
    server.close();
  }
}
