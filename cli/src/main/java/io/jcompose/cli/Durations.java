package io.jcompose.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the time flags of docker compose: {@code -t 10}, {@code --since 5m} or a timestamp. */
final class Durations {

  private static final Pattern RELATIVE = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Durations() {}

  /** Seconds as a duration, or null when not given. */
  static Duration seconds(Integer seconds) {
    return seconds == null ? null : Duration.ofSeconds(seconds);
  }

  /**
   * A point in time from {@code 2026-01-02T03:04:05Z}, a Unix timestamp or a relative {@code 42m} /
   * {@code 1h30m} (that long before now); null when not given.
   */
  static Instant pointInTime(String flag, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      // not absolute; try the other forms
    }
    if (value.matches("\\d+(\\.\\d+)?")) {
      return Instant.ofEpochMilli((long) (Double.parseDouble(value) * 1000));
    }
    Matcher m = RELATIVE.matcher(value);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
              });
      end = m.end();
    }
    if (end == 0 || end != value.length()) {
      throw new CliException(
          flag + " " + value + ": not a time; use 2026-01-02T15:04:05Z, a Unix time or 10m",
          ExitCodes.USAGE,
          null);
    }
    return Instant.now().minus(total);
  }
}
