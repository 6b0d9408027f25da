package io.jcompose.cli.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** HTTP GETs to 127.0.0.1 only: the samples publish their ports on loopback. */
final class LoopbackHttp {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private LoopbackHttp() {}

  /** A TCP port free on 127.0.0.1 right now, for a sample's published port. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** One GET; returns the body of a 200 answer, or null when there was none. */
  static String get(int port, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /**
   * Repeats GET until a 200 body satisfies {@code accepted} (services need a moment after {@code up
   * -d} returns), at most every 200 ms until {@code timeout}; returns the last body seen.
   */
  static String awaitBody(int port, String path, Predicate<String> accepted, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    String body = null;
    while (Instant.now().isBefore(deadline)) {
      body = get(port, path);
      if (body != null && accepted.test(body)) {
        return body;
      }
      Thread.sleep(200);
    }
    return body;
  }
}
