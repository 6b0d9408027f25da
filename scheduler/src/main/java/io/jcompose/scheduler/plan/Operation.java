package io.jcompose.scheduler.plan;

import java.util.List;

/**
 * One step of a {@link Plan}, with why it is needed and what it waits for.
 *
 * @param kind what to do
 * @param resource the resource it acts on, as printed ({@code container myproj-web-1})
 * @param service the service for container steps, else null
 * @param number the replica number for container steps, else 0
 * @param name the container, network or volume name
 * @param existingId the id of the container it replaces, starts, keeps or removes, else null
 * @param cause why, in a few words ({@code config hash changed})
 * @param after what it waits for: other steps' resources and service gates like {@code db healthy}
 */
public record Operation(
    Kind kind,
    String resource,
    String service,
    int number,
    String name,
    String existingId,
    String cause,
    List<String> after) {

  public Operation {
    after = List.copyOf(after);
  }

  /** What a step does. */
  public enum Kind {
    /** Create a network. */
    CREATE_NETWORK,
    /** Create a volume. */
    CREATE_VOLUME,
    /** Create a new container (and start it unless {@code --no-start}). */
    CREATE,
    /** Stop and remove a container, then create its replacement with the same number. */
    RECREATE,
    /** Start an existing stopped container. */
    START,
    /** Stop a running container and start it again once its dependencies are ready. */
    RESTART,
    /** Leave a running, unchanged container as it is. */
    KEEP,
    /** Stop and remove a container. */
    REMOVE;

    /** The verb printed in plan text. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  /** Whether this step leaves a container of its service running. */
  public boolean yieldsContainer() {
    return kind != Kind.CREATE_NETWORK && kind != Kind.CREATE_VOLUME && kind != Kind.REMOVE;
  }

  /** The step as one line of plan text. */
  public String toText() {
    return resource
        + ": "
        + kind.word()
        + " ("
        + cause
        + ")"
        + (after.isEmpty() ? "" : " after " + String.join(", ", after));
  }
}
