package io.jcompose.cli;

/** Whether the standard streams are terminals. */
final class Terminal {

  private Terminal() {}

  /**
   * Whether stderr is a terminal. Java only tells whether the process has a console (stdin and
   * stdout both terminals), so the launcher passes what the shell saw in {@code JCOMPOSE_TTY}
   * ({@code 0}, {@code 1}, {@code 2} for the streams that are terminals).
   */
  static boolean stderrIsTerminal() {
    return streams().contains("2");
  }

  /** Whether stdout is a terminal. */
  static boolean stdoutIsTerminal() {
    return streams().contains("1");
  }

  /** Whether stdin is a terminal. */
  static boolean stdinIsTerminal() {
    return streams().contains("0");
  }

  private static String streams() {
    String env = System.getenv("JCOMPOSE_TTY");
    if (env != null) {
      return env;
    }
    return System.console() != null ? "012" : "";
  }
}
