package io.jcompose.scheduler.api;

import java.util.List;

/**
 * Options of {@code ps}.
 *
 * @param services services to list; empty for all
 * @param all include stopped containers ({@code -a})
 */
public record PsOptions(List<String> services, boolean all) {
  public PsOptions {
    services = services == null ? List.of() : List.copyOf(services);
  }
}
