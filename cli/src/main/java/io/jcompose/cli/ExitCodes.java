package io.jcompose.cli;

/** Process exit codes, as docker compose uses them. */
final class ExitCodes {
  /** The command did what was asked. */
  static final int OK = 0;

  /** The command failed; one line on stderr said why. */
  static final int ERROR = 1;

  /** The command line itself was wrong (unknown flag, missing argument). */
  static final int USAGE = 2;

  /** Interrupted by Ctrl-C, as a shell reports SIGINT. */
  static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
