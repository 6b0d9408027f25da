package io.jcompose.cli;

/** A failure the user can act on; its message is the one line the CLI prints after "jcompose: ". */
final class CliException extends RuntimeException {

  private final int exitCode;

  CliException(String message) {
    this(message, ExitCodes.ERROR, null);
  }

  CliException(String message, Throwable cause) {
    this(message, ExitCodes.ERROR, cause);
  }

  CliException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
