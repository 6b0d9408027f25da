package io.jcompose.scheduler.api;

import java.util.List;

/**
 * Options of {@code kill}.
 *
 * @param services services to signal; empty for all
 * @param signal signal name or number, {@code SIGKILL} when null
 * @param removeOrphans also signal containers of services no longer in the project
 */
public record KillOptions(List<String> services, String signal, boolean removeOrphans) {
  public KillOptions {
    services = services == null ? List.of() : List.copyOf(services);
    signal = signal == null ? "SIGKILL" : signal;
  }
}
