package io.jcompose.health.api;

import java.time.Instant;

/**
 * One probe run.
 *
 * @param start when it started
 * @param end when it ended
 * @param exitCode 0 for healthy; anything else is a failure (-1 when it timed out or could not run)
 * @param output what it printed, truncated to {@link #MAX_OUTPUT} characters
 */
public record ProbeResult(Instant start, Instant end, int exitCode, String output) {

  /** Longest output kept, as Docker keeps it. */
  public static final int MAX_OUTPUT = 4096;

  public ProbeResult {
    output = output == null ? "" : output;
    if (output.length() > MAX_OUTPUT) {
      output = output.substring(0, MAX_OUTPUT);
    }
  }

  /** Whether the probe passed. */
  public boolean passed() {
    return exitCode == 0;
  }
}
