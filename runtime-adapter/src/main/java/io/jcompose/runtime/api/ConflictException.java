package io.jcompose.runtime.api;

/** The operation conflicts with existing state (a name in use, a port taken, still running). */
public class ConflictException extends RuntimeFailure {
  public ConflictException(String message) {
    super(message);
  }

  /** As {@link #ConflictException(String)}, keeping the failure it rewords. */
  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
