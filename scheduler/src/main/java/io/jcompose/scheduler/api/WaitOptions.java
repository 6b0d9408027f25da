package io.jcompose.scheduler.api;

import java.util.List;

/**
 * Options of {@code wait}.
 *
 * @param services services to wait for; empty for all
 * @param downProjectOnContainerExit take the project down once the first one exits
 */
public record WaitOptions(List<String> services, boolean downProjectOnContainerExit) {
  public WaitOptions {
    services = services == null ? List.of() : List.copyOf(services);
  }
}
