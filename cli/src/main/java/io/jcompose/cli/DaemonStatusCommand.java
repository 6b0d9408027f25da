package io.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.cli.client.DaemonClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jcompose daemon status}: whether a daemon runs, its pid and version. Exit 1 if none. */
@Command(name = "status", description = "Show whether the daemon runs, its pid and version.")
final class DaemonStatusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Optional<DaemonClient> client = DaemonAccess.connector(spec.commandLine().getErr()).existing();
    if (client.isEmpty()) {
      out.println("no daemon is running");
      return ExitCodes.ERROR;
    }
    JsonNode version = client.get().version();
    out.println(
        "daemon running, pid "
            + version.path("pid").asLong()
            + ", version "
            + version.path("version").asText());
    return ExitCodes.OK;
  }
}
