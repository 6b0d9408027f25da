package io.jcompose.scheduler.engine;

import io.jcompose.runtime.api.LogAppender;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An attached process's output stream that also adds each line it passes on to the container's log
 * (a terminal's {@code \r\n} ends a line too), so {@code logs} shows an attached run as docker's
 * does. A last line without an end is logged at end of stream.
 */
final class LoggedOutput extends FilterInputStream {
  private static final int MAX_LINE = 16 * 1024;
  private final LogAppender log;
  private final String stream;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  LoggedOutput(InputStream in, LogAppender log, String stream) {
    super(in);
    this.log = log;
    this.stream = stream;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      flush();
    } else {
      take(b);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n < 0) {
      flush();
    }
    for (int i = 0; i < n; i++) {
      take(buf[off + i]);
    }
    return n;
  }

  private void take(int b) {
    if (b == '\n' || line.size() >= MAX_LINE) {
      flush();
      if (b == '\n') {
        return;
      }
    }
    line.write(b);
  }

  private void flush() {
    if (line.size() == 0) {
      return;
    }
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    try {
      log.append(stream, text);
    } catch (RuntimeException e) {
      // The relay to the caller matters more than the log: it goes on without the line.
    }
  }
}
