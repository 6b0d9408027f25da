package io.jcompose.scheduler.daemon;

import java.time.Instant;

/** One-line notices of the daemon on its stderr (its log file when the CLI started it). */
final class DaemonLog {

  private DaemonLog() {}

  static void line(String message) {
    System.err.println(Instant.now() + " " + message);
    System.err.flush();
  }
}
