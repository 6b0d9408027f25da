package io.jcompose.runtime.api;

import java.time.Instant;

/**
 * Which log lines to read.
 *
 * @param follow keep streaming new lines until the container exits or the reader cancels
 * @param tail only the last N lines; negative for all
 * @param since only lines at or after this time, or null
 * @param until only lines before this time, or null
 */
public record LogOptions(boolean follow, int tail, Instant since, Instant until) {
  /** All lines, no following. */
  public static final LogOptions ALL = new LogOptions(false, -1, null, null);
}
