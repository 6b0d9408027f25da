package io.jcompose.scheduler.api;

import java.time.Instant;
import java.util.Map;

/**
 * A container lifecycle event, with the fields of {@code docker compose events --json}.
 *
 * @param time when it happened
 * @param type {@code container}
 * @param action {@code create}, {@code start}, {@code die}, {@code stop}, {@code kill}, {@code
 *     destroy}, {@code pause}, {@code unpause}, {@code restart}, {@code health_status: healthy}…
 * @param id container id
 * @param service service name
 * @param attributes {@code name}, {@code image}, {@code exitCode} and the like
 */
public record ContainerEvent(
    Instant time,
    String type,
    String action,
    String id,
    String service,
    Map<String, String> attributes) {
  public ContainerEvent {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }
}
