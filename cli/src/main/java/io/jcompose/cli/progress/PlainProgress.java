package io.jcompose.cli.progress;

import io.jcompose.scheduler.api.ProgressEvent;
import java.io.PrintStream;

/** One line per event ({@code Container demo-web-1 Started}), for logs and pipes. */
final class PlainProgress implements ProgressView {

  private final PrintStream out;

  PlainProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public void show(ProgressEvent event) {
    StringBuilder line = new StringBuilder(" ").append(event.resource()).append("  ");
    line.append(event.status());
    if (event.detail() != null && !event.detail().isEmpty()) {
      line.append(": ").append(event.detail());
    }
    out.println(line);
    out.flush();
  }

  @Override
  public void close() {
    out.flush();
  }
}
