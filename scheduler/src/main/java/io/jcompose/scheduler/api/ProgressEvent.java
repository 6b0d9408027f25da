package io.jcompose.scheduler.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * One step of a verb's progress, as docker compose renders it: {@code Container myproj-web-1
 * Started}.
 *
 * @param resource what changed: {@code Container myproj-web-1}, {@code Network myproj_default},
 *     {@code Volume myproj_data}, {@code Service web}
 * @param status the word shown for it: {@code Creating}, {@code Created}, {@code Starting}, {@code
 *     Started}, {@code Waiting}, {@code Healthy}, {@code Stopping}, {@code Stopped}, {@code
 *     Removing}, {@code Removed}, {@code Recreate}, {@code Running}, {@code Error}, {@code Warning}
 * @param kind whether the step is under way, done, a warning or an error
 * @param detail a one-line explanation (an error or warning message), or null
 * @param time when it happened
 */
public record ProgressEvent(
    String resource, String status, Kind kind, String detail, Instant time) {

  /** How a step stands. */
  public enum Kind {
    /** Under way ({@code Creating}, {@code Starting}). */
    WORKING,
    /** Finished ({@code Created}, {@code Started}, {@code Healthy}). */
    DONE,
    /** Something the user should know but that did not stop the verb. */
    WARNING,
    /** The step failed; {@code detail} says why. */
    ERROR
  }

  /** A step under way now. */
  public static ProgressEvent working(String resource, String status) {
    return new ProgressEvent(resource, status, Kind.WORKING, null, Instant.now());
  }

  /** A finished step now. */
  public static ProgressEvent done(String resource, String status) {
    return new ProgressEvent(resource, status, Kind.DONE, null, Instant.now());
  }

  /** A warning now. */
  public static ProgressEvent warning(String resource, String message) {
    return new ProgressEvent(resource, "Warning", Kind.WARNING, message, Instant.now());
  }

  /** A failed step now. */
  public static ProgressEvent error(String resource, String message) {
    return new ProgressEvent(resource, "Error", Kind.ERROR, message, Instant.now());
  }

  /** Whether this step failed. */
  @JsonIgnore
  public boolean isError() {
    return kind == Kind.ERROR;
  }
}
