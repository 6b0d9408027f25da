package io.jcompose.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** A table as docker prints them: upper-case headers, columns padded three spaces apart. */
final class Table {

  private final List<String[]> rows = new ArrayList<>();

  Table(String... headers) {
    rows.add(headers);
  }

  Table row(String... cells) {
    rows.add(cells);
    return this;
  }

  void print(PrintWriter out) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], cell(row, i).length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        String cell = cell(row, i);
        line.append(cell);
        if (i < columns - 1) {
          line.append(" ".repeat(widths[i] - cell.length() + 3));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static String cell(String[] row, int i) {
    return i < row.length && row[i] != null ? row[i] : "";
  }

  /** A command cut to {@code max} characters and quoted, as docker shows it. */
  static String quoted(String command, int max) {
    String cut = command.length() > max ? command.substring(0, max - 1) + "…" : command;
    return "\"" + cut + "\"";
  }

  /** {@code 5 seconds ago}, {@code 3 minutes ago}… from an ISO instant; the text itself if not. */
  static String ago(String instant) {
    if (instant == null || instant.isEmpty()) {
      return "";
    }
    try {
      return human(Duration.between(Instant.parse(instant), Instant.now())) + " ago";
    } catch (DateTimeParseException e) {
      return instant;
    }
  }

  /**
   * A duration in docker's words: {@code Less than a second}, {@code 5 seconds}, {@code 2 hours}.
   */
  static String human(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 1) {
      return "Less than a second";
    }
    if (s < 60) {
      return s + (s == 1 ? " second" : " seconds");
    }
    long m = s / 60;
    if (m < 60) {
      return m == 1 ? "About a minute" : m + " minutes";
    }
    long h = m / 60;
    if (h < 48) {
      return h == 1 ? "About an hour" : h + " hours";
    }
    return (h / 24) + " days";
  }
}
