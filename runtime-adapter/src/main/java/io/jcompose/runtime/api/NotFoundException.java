package io.jcompose.runtime.api;

/** A container, image, volume or network that was asked for does not exist. */
public class NotFoundException extends RuntimeFailure {
  public NotFoundException(String message) {
    super(message);
  }
}
