package io.jcompose.scheduler.api;

import java.util.List;

/**
 * Options of {@code stats}.
 *
 * @param services services to sample; empty for all
 * @param all include stopped containers (with zero figures)
 */
public record StatsOptions(List<String> services, boolean all) {
  public StatsOptions {
    services = services == null ? List.of() : List.copyOf(services);
  }
}
