package io.jcompose.scheduler.api;

import java.util.List;

/**
 * Options of {@code rm}.
 *
 * @param services services whose containers to remove; empty for all
 * @param force do not ask (the client's part) and remove without stopping first
 * @param stop stop running containers first ({@code -s})
 * @param volumes remove the containers' anonymous volumes ({@code -v})
 */
public record RemoveOptions(List<String> services, boolean force, boolean stop, boolean volumes) {
  public RemoveOptions {
    services = services == null ? List.of() : List.copyOf(services);
  }
}
