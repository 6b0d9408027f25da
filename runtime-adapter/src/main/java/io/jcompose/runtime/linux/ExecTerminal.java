package io.jcompose.runtime.linux;

import io.jcompose.runtime.api.AttachedExec;

/**
 * Resizes the terminal of an attached {@code exec}: util-linux {@code script} holds its master
 * side, and its child (the shim, then the command) has the slave side as stdin, which we open by
 * {@code /proc/PID/fd/0} to set the size. The kernel then sends SIGWINCH to the command.
 */
final class ExecTerminal {

  private ExecTerminal() {}

  static AttachedExec.Resizer resizer(Process script) {
    return (columns, lines) ->
        script
            .toHandle()
            .children()
            .findFirst()
            .ifPresent(
                child -> StdioCalls.resize("/proc/" + child.pid() + "/fd/0", columns, lines));
  }
}
