package io.jcompose.cli.progress;

import io.jcompose.scheduler.api.ProgressEvent;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live view of docker compose v2 on a terminal: a header with the count of finished steps and
 * one line per resource with its state and elapsed time, redrawn in place every 100 ms.
 */
final class TtyProgress implements ProgressView {

  private static final String[] SPINNER = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
  private static final long REDRAW_MS = 100;

  private final PrintStream out;
  private final String title;
  private final boolean colour;
  private final Map<String, ResourceLine> lines = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private final ScheduledExecutorService ticker;
  private int drawnLines;
  private int frame;
  private boolean closed;

  TtyProgress(PrintStream out, String title, boolean colour) {
    this.out = out;
    this.title = title;
    this.colour = colour;
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "progress-redraw");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleAtFixedRate(this::tick, REDRAW_MS, REDRAW_MS, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void show(ProgressEvent event) {
    if (closed) {
      return;
    }
    if (event.kind() == ProgressEvent.Kind.WARNING && event.resource() == null) {
      warnings.add(event.detail());
    } else {
      lines
          .computeIfAbsent(event.resource(), r -> new ResourceLine(r, System.nanoTime()))
          .update(event, System.nanoTime());
    }
    draw();
  }

  private synchronized void tick() {
    if (!closed && !lines.isEmpty()) {
      frame++;
      draw();
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    ticker.shutdownNow();
    if (!lines.isEmpty()) {
      draw();
    }
    closed = true;
    out.flush();
  }

  private void draw() {
    StringBuilder screen = new StringBuilder(256);
    if (drawnLines > 0) {
      screen.append("\033[").append(drawnLines).append('A');
    }
    long done = lines.values().stream().filter(ResourceLine::finished).count();
    int width = lines.keySet().stream().mapToInt(String::length).max().orElse(0);
    int statusWidth = lines.values().stream().mapToInt(l -> l.status.length()).max().orElse(0);
    int count = 0;
    for (String warning : warnings) {
      row(screen, paint("33", "WARN") + "[0000] " + warning);
      count++;
    }
    String state = title;
    row(screen, paint("34", "[+] ") + state + " " + done + "/" + lines.size());
    count++;
    long now = System.nanoTime();
    for (ResourceLine line : lines.values()) {
      row(screen, line.render(width, statusWidth, now, frame));
      count++;
    }
    drawnLines = count;
    out.print(screen);
    out.flush();
  }

  private static void row(StringBuilder screen, String text) {
    screen.append("\r\033[2K").append(text).append('\n');
  }

  private String paint(String code, String text) {
    return colour ? "\033[" + code + "m" + text + "\033[0m" : text;
  }

  /** The state of one resource's line. */
  private final class ResourceLine {
    private final String resource;
    private final long started;
    private long ended;
    private String status = "";
    private String detail;
    private ProgressEvent.Kind kind = ProgressEvent.Kind.WORKING;

    ResourceLine(String resource, long started) {
      this.resource = resource;
      this.started = started;
    }

    void update(ProgressEvent event, long now) {
      status = event.status();
      detail = event.detail();
      kind = event.kind();
      ended = kind == ProgressEvent.Kind.WORKING ? 0 : now;
    }

    boolean finished() {
      return kind != ProgressEvent.Kind.WORKING;
    }

    String render(int width, int statusWidth, long now, int frame) {
      String mark =
          switch (kind) {
            case WORKING -> paint("34", SPINNER[frame % SPINNER.length]);
            case DONE -> paint("32", "✔");
            case WARNING -> paint("33", "!");
            case ERROR -> paint("31", "✘");
          };
      long elapsed = (finished() ? ended : now) - started;
      String text =
          " "
              + mark
              + " "
              + pad(resource, width)
              + "  "
              + pad(status, statusWidth)
              + (detail == null || detail.isEmpty() ? "" : " " + detail);
      String seconds = String.format(java.util.Locale.ROOT, "%.1fs", elapsed / 1e9);
      return text + "  " + paint("2", seconds);
    }
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
