package io.jcompose.cli.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A response read from the daemon's socket: status, headers (lower-case names) and the body as a
 * stream, de-chunked. Closing it closes the connection.
 */
public final class UnixHttpResponse implements Closeable {

  private final int status;
  private final Map<String, String> headers;
  private final InputStream body;
  private final SocketChannel channel;

  UnixHttpResponse(
      int status, Map<String, String> headers, InputStream body, SocketChannel channel) {
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.body = body;
    this.channel = channel;
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** A header by lower-case name, or null. */
  public String header(String name) {
    return headers.get(name);
  }

  /** The body; ends where the response ends. */
  public InputStream body() {
    return body;
  }

  /** The whole body as UTF-8 text. */
  public String bodyText() throws IOException {
    return new String(body.readAllBytes(), StandardCharsets.UTF_8);
  }

  /** The raw connection, for upgraded (interactive) streams. */
  public SocketChannel channel() {
    return channel;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
