package io.jcompose.cli.e2e;

import java.util.List;

/** What one run of a command printed and how it ended. */
record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

  CommandResult {
    command = List.copyOf(command);
  }

  boolean succeeded() {
    return exitCode == 0;
  }

  /** One line for an assertion message: the command, its exit code and what it printed. */
  String describe() {
    return String.join(" ", command)
        + " exited "
        + exitCode
        + "\n--- stdout ---\n"
        + stdout
        + "--- stderr ---\n"
        + stderr;
  }
}
