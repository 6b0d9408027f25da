package io.jcompose.scheduler.api;

import java.util.List;

/**
 * Options of {@code events}.
 *
 * @param services services whose events to stream; empty for all
 */
public record EventsOptions(List<String> services) {
  public EventsOptions {
    services = services == null ? List.of() : List.copyOf(services);
  }
}
