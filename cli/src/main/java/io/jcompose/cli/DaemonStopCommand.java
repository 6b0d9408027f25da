package io.jcompose.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jcompose daemon stop}: stops the daemon; containers keep running. */
@Command(name = "stop", description = "Stop the daemon (containers keep running).")
final class DaemonStopCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    boolean wasRunning = DaemonAccess.connector(err).stopRunning();
    spec.commandLine().getOut().println(wasRunning ? "daemon stopped" : "no daemon is running");
    return ExitCodes.OK;
  }
}
