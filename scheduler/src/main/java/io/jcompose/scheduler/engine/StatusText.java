package io.jcompose.scheduler.engine;

import io.jcompose.runtime.api.ContainerState;
import java.time.Duration;
import java.time.Instant;

/**
 * The human status docker prints: {@code Up 5 seconds (healthy)}, {@code Exited (1) 2 minutes ago}.
 */
final class StatusText {

  private StatusText() {}

  static String of(ContainerState c, String health, Instant now) {
    return switch (c.status()) {
      case RUNNING ->
          "Up " + human(since(c.startedAt(), now)) + (health.isEmpty() ? "" : " (" + health + ")");
      case PAUSED -> "Up " + human(since(c.startedAt(), now)) + " (Paused)";
      case RESTARTING ->
          "Restarting (" + c.exitCode() + ") " + human(since(c.finishedAt(), now)) + " ago";
      case EXITED -> "Exited (" + c.exitCode() + ") " + human(since(c.finishedAt(), now)) + " ago";
      case DEAD -> "Dead";
      default -> "Created";
    };
  }

  private static Duration since(Instant t, Instant now) {
    return t == null ? Duration.ZERO : Duration.between(t, now);
  }

  /** Docker's rounding of a duration into words. */
  static String human(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 1) {
      return "Less than a second";
    } else if (s == 1) {
      return "1 second";
    } else if (s < 60) {
      return s + " seconds";
    }
    long m = d.toMinutes();
    if (m == 1) {
      return "About a minute";
    } else if (m < 60) {
      return m + " minutes";
    }
    long h = Math.round(d.toMinutes() / 60.0);
    if (h == 1) {
      return "About an hour";
    } else if (h < 48) {
      return h + " hours";
    } else if (h < 24 * 7 * 2) {
      return h / 24 + " days";
    }
    return h / 24 / 7 + " weeks";
  }
}
