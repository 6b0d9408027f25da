package io.jcompose.runtime.api;

/** A container, image, volume or network operation failed; the message is one line for a user. */
public class RuntimeFailure extends RuntimeException {
  public RuntimeFailure(String message) {
    super(message);
  }

  public RuntimeFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
