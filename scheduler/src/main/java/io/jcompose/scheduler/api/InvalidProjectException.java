package io.jcompose.scheduler.api;

/**
 * The project cannot be run as given (a dependency cycle, a dependency on an unknown service, a
 * {@code service_healthy} condition on a service without a healthcheck). The message is one line
 * starting with where the problem is.
 */
public class InvalidProjectException extends IllegalArgumentException {

  /** A problem described by {@code message}. */
  public InvalidProjectException(String message) {
    super(message);
  }
}
