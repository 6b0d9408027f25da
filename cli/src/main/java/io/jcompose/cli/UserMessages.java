package io.jcompose.cli;

import io.jcompose.cli.client.DaemonException;
import io.jcompose.model.api.ComposeFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The one line and exit code shown for a failure of any kind. */
final class UserMessages {

  private UserMessages() {}

  static String lineFor(Throwable ex) {
    Throwable cause = unwrap(ex);
    String message = ErrorReporter.oneLine(cause.getMessage());
    if (isModelError(cause)) {
      // The model's messages already start with the file and path they are about.
      return message;
    }
    if (cause instanceof CliException || cause instanceof DaemonException) {
      return "jcompose: " + message;
    }
    if (cause.getMessage() == null) {
      return "jcompose: unexpected " + cause.getClass().getSimpleName() + " (rerun with --debug)";
    }
    return "jcompose: " + message;
  }

  static int exitCodeFor(Throwable ex) {
    Throwable cause = unwrap(ex);
    if (cause instanceof CliException cli) {
      return cli.exitCode();
    }
    return ExitCodes.ERROR;
  }

  private static boolean isModelError(Throwable t) {
    // A daemon that loaded the files itself (POST /v1/up) reports the model's line as kind "model".
    return t instanceof ComposeFileException
        || t instanceof ProjectSource.ModelError
        || (t instanceof DaemonException d && d.kind().equals("model"));
  }

  private static Throwable unwrap(Throwable ex) {
    Throwable t = ex;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
