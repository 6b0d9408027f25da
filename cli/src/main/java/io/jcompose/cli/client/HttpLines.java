package io.jcompose.cli.client;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the CRLF-terminated lines of HTTP/1.1 status lines, headers and chunk sizes. */
final class HttpLines {

  private static final int MAX_LINE = 64 * 1024;

  private HttpLines() {}

  /** One line without its CRLF; fails at end of stream. */
  static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the daemon closed the connection before the response ended");
      }
      if (b == '\n') {
        break;
      }
      if (line.size() > MAX_LINE) {
        throw new IOException("a header line from the daemon is longer than " + MAX_LINE);
      }
      line.write(b);
    }
    String text = line.toString(StandardCharsets.ISO_8859_1);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }
}
