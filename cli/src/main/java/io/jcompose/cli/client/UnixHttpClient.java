package io.jcompose.cli.client;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a unix domain socket (JDK 16+ {@code UnixDomainSocketAddress}):
 * one request per connection, bodies by length or chunked. It needs no native library, which keeps
 * the CLI's start-up short.
 */
public final class UnixHttpClient {

  private final Path socket;

  /** A client of the server listening at {@code socket}. */
  public UnixHttpClient(Path socket) {
    this.socket = socket;
  }

  /** The socket path. */
  public Path socket() {
    return socket;
  }

  /**
   * Sends one request and reads the response head; the body is read from the returned response.
   * Fails with an {@link IOException} when nothing listens on the socket.
   */
  public UnixHttpResponse send(
      String method, String target, Map<String, String> headers, byte[] body) throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.connect(UnixDomainSocketAddress.of(socket));
      OutputStream out = Channels.newOutputStream(channel);
      out.write(head(method, target, headers, body).getBytes(StandardCharsets.UTF_8));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 16 * 1024);
      return readResponse(in, channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Sends a request that upgrades the connection to a raw byte stream and returns the connected
   * channel once the server answered 101; any other answer fails with its status and body.
   */
  public SocketChannel upgrade(String target, Map<String, String> headers) throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.connect(UnixDomainSocketAddress.of(socket));
      StringBuilder head = new StringBuilder(256);
      // GET: Vert.x hands over the connection only for GET upgrades (or CONNECT).
      head.append("GET ").append(target).append(" HTTP/1.1\r\n");
      head.append("Host: jcompose\r\nConnection: Upgrade\r\nUpgrade: jcompose-stream\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("\r\n");
      OutputStream out = Channels.newOutputStream(channel);
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      // Unbuffered, byte by byte: whatever follows the head belongs to the stream.
      InputStream in = Channels.newInputStream(channel);
      StringBuilder answer = new StringBuilder();
      while (!answer.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("the daemon closed the connection: " + answer.toString().trim());
        }
        answer.append((char) b);
        if (answer.length() > 64 * 1024) {
          throw new IOException("the daemon's answer head is too long");
        }
      }
      if (!answer.toString().startsWith("HTTP/1.1 101")) {
        // The daemon keeps the connection open after a refusal: read the body by its length, never
        // up to an end of stream that does not come.
        byte[] rest = in.readNBytes((int) Math.min(4096, contentLength(answer.toString())));
        throw new IOException(
            answer.toString().lines().findFirst().orElse("")
                + ": "
                + new String(rest, StandardCharsets.UTF_8).trim());
      }
      return channel;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static long contentLength(String head) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d{1,9})\\s*$").matcher(head);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static String head(
      String method, String target, Map<String, String> headers, byte[] body) {
    StringBuilder head = new StringBuilder(256);
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: jcompose\r\n");
    head.append("Connection: close\r\n");
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    if (body != null) {
      head.append("Content-Type: application/json\r\n");
      head.append("Content-Length: ").append(body.length).append("\r\n");
    } else if (method.equals("POST")) {
      head.append("Content-Length: 0\r\n");
    }
    head.append("\r\n");
    return head.toString();
  }

  private static UnixHttpResponse readResponse(InputStream in, SocketChannel channel)
      throws IOException {
    String statusLine = HttpLines.readLine(in);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("the daemon answered with '" + statusLine + "', not HTTP/1.1");
    }
    int status;
    try {
      status = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("bad status line from the daemon: " + statusLine, e);
    }
    Map<String, String> headers = new HashMap<>();
    for (String line = HttpLines.readLine(in); !line.isEmpty(); line = HttpLines.readLine(in)) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
            line.substring(colon + 1).trim());
      }
    }
    return new UnixHttpResponse(status, headers, bodyOf(in, headers, status), channel);
  }

  private static InputStream bodyOf(InputStream in, Map<String, String> headers, int status) {
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      return new ChunkedInputStream(in);
    }
    String length = headers.get("content-length");
    if (length != null) {
      return new BoundedInputStream(in, Long.parseLong(length.trim()));
    }
    // 101 Switching Protocols: the rest of the connection is the raw stream.
    return in;
  }
}
