package io.jcompose.scheduler.daemon;

/**
 * The event lines of a stream, as {@code {"type": T, "data": {...}}}: {@code progress} carries a
 * {@code ProgressEvent}, {@code log} a {@code LogEntry}, {@code event} a {@code ContainerEvent}.
 *
 * @param type what {@code data} is
 * @param data the record
 */
public record StreamEvents(String type, Object data) {

  /** Type of progress lines. */
  public static final String PROGRESS = "progress";

  /** Type of container output lines. */
  public static final String LOG = "log";

  /** Type of container lifecycle events. */
  public static final String EVENT = "event";
}
