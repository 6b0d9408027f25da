package io.jcompose.scheduler.api;

import java.time.Instant;
import java.util.List;

/**
 * Options of {@code logs}.
 *
 * @param services services whose logs to read; empty for all
 * @param index only this replica number, or 0 for all
 * @param follow keep streaming ({@code -f})
 * @param tail last N lines per container, negative for all
 * @param since only lines at or after this time, or null
 * @param until only lines before this time, or null
 */
public record LogsOptions(
    List<String> services, int index, boolean follow, int tail, Instant since, Instant until) {
  public LogsOptions {
    services = services == null ? List.of() : List.copyOf(services);
  }
}
