package io.jcompose.scheduler.api;

import java.util.List;

/**
 * Options of {@code pause} and {@code unpause}.
 *
 * @param services services to freeze or thaw; empty for all
 */
public record PauseOptions(List<String> services) {
  public PauseOptions {
    services = services == null ? List.of() : List.copyOf(services);
  }
}
