package io.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Prints container output as docker compose v2 does: {@code web-1 | text}, each service in its own
 * colour, the prefix padded to the widest seen so far.
 */
final class LogPrinter {

  private static final String[] COLOURS = {"36", "33", "32", "35", "34", "96", "93", "92", "95"};

  private final PrintStream out;
  private final boolean colour;
  private final boolean prefix;
  private final boolean timestamps;
  private final Map<String, String> serviceColours = new HashMap<>();
  private int width;

  LogPrinter(PrintStream out, boolean colour, boolean prefix, boolean timestamps, int width) {
    this.out = out;
    this.colour = colour;
    this.prefix = prefix;
    this.timestamps = timestamps;
    this.width = width;
  }

  /** Prints one {@code LogEntry} as JSON from the daemon's stream. */
  synchronized void print(JsonNode entry) {
    StringBuilder line = new StringBuilder(128);
    if (prefix) {
      String service = entry.path("service").asText();
      String name = service + "-" + entry.path("number").asInt();
      if (entry.path("container").asText().contains("-run-")) {
        name = entry.path("container").asText();
      }
      width = Math.max(width, name.length());
      String label = name + " ".repeat(width - name.length()) + "  | ";
      line.append(colour ? paint(service, label) : label);
    }
    if (timestamps && entry.hasNonNull("time")) {
      line.append(entry.path("time").asText()).append(' ');
    }
    line.append(entry.path("text").asText());
    out.println(line);
    out.flush();
  }

  /** Prints a line of the CLI's own in the log view ({@code Attaching to …}). */
  synchronized void note(String text) {
    out.println(text);
    out.flush();
  }

  private String paint(String service, String text) {
    String code =
        serviceColours.computeIfAbsent(
            service, s -> COLOURS[serviceColours.size() % COLOURS.length]);
    return "\033[" + code + "m" + text + "\033[0m";
  }

  /** The widest {@code service-N} prefix among replica counts, to align from the first line. */
  static int widthFor(Iterable<String> names) {
    int w = 0;
    for (String n : names) {
      w = Math.max(w, n.length());
    }
    return w;
  }
}
