package io.jcompose.scheduler.daemon;

import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.NotFoundException;
import io.jcompose.runtime.api.RuntimeFailure;
import java.util.concurrent.CompletionException;

/**
 * A failure as the API reports it: a kind the client can act on, an HTTP status for failures before
 * a stream starts, and the one-line message for the user.
 *
 * @param kind {@code invalid}, {@code model} (the compose files are invalid; the message starts
 *     with the file and the path inside it), {@code not_found}, {@code conflict}, {@code runtime},
 *     {@code version} or {@code internal}
 * @param status HTTP status used when the failure happens before streaming
 * @param message one line for the user
 */
public record ApiFailure(String kind, int status, String message) {

  /** Classifies any exception by its type; the message is kept as the user's line. */
  public static ApiFailure of(Throwable error) {
    Throwable t = error;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    String message =
        t.getMessage() == null ? t.getClass().getSimpleName() : oneLine(t.getMessage());
    if (t instanceof NotFoundException) {
      return new ApiFailure("not_found", 404, message);
    }
    if (t instanceof ConflictException) {
      return new ApiFailure("conflict", 409, message);
    }
    if (t instanceof RuntimeFailure) {
      return new ApiFailure("runtime", 500, message);
    }
    if (isModelError(t)) {
      return new ApiFailure("model", 400, message);
    }
    if (t instanceof IllegalArgumentException) {
      return new ApiFailure("invalid", 400, message);
    }
    return new ApiFailure("internal", 500, message + " (" + t.getClass().getName() + ")");
  }

  private static boolean isModelError(Throwable t) {
    // The model's exception type is matched by name so this class does not tie the daemon's
    // error mapping to the model's package layout.
    for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
      if (c.getSimpleName().equals("ComposeFileException")) {
        return true;
      }
    }
    return false;
  }

  /** A request the daemon could not parse or route. */
  public static ApiFailure invalid(String message) {
    return new ApiFailure("invalid", 400, message);
  }

  static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
