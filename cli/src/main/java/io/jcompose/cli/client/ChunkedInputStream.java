package io.jcompose.cli.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Reads an HTTP/1.1 chunked body ({@code size CRLF data CRLF}… {@code 0 CRLF CRLF}). */
final class ChunkedInputStream extends InputStream {

  private final InputStream in;
  private long remaining;
  private boolean finished;

  ChunkedInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    if (finished) {
      return -1;
    }
    if (remaining == 0) {
      remaining = nextChunkSize();
      if (remaining == 0) {
        finished = true;
        // Trailers, if any, end with an empty line.
        while (!HttpLines.readLine(in).isEmpty()) {
          // skip
        }
        return -1;
      }
    }
    int n = in.read(buf, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw new EOFException("the daemon closed the connection in the middle of a response");
    }
    remaining -= n;
    if (remaining == 0) {
      HttpLines.readLine(in);
    }
    return n;
  }

  private long nextChunkSize() throws IOException {
    String line = HttpLines.readLine(in);
    int semicolon = line.indexOf(';');
    String hex = (semicolon >= 0 ? line.substring(0, semicolon) : line).trim();
    try {
      return Long.parseLong(hex, 16);
    } catch (NumberFormatException e) {
      throw new IOException("bad chunk size '" + hex + "' from the daemon", e);
    }
  }
}
