package io.jcompose.cli;

import io.jcompose.model.api.Project;
import io.jcompose.scheduler.api.KillOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose kill}: send a signal to service containers. */
@Command(name = "kill", description = "Force stop service containers.", sortOptions = false)
final class KillCommand extends ProjectCommand {

  @Option(
      names = {"-s", "--signal"},
      paramLabel = "SIGNAL",
      description = "Signal to send (default: SIGKILL).")
  String signal = "SIGKILL";

  @Option(names = "--remove-orphans", description = "Also signal orphaned containers.")
  boolean removeOrphans;

  @Parameters(paramLabel = "SERVICE", description = "Services (default: all).")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() {
    Optional<Project> project = projectIfPresent(services);
    KillOptions options = new KillOptions(services, signal, removeOrphans);
    withProgress(nameOf(project), "kill", "Killing", body("options", options));
    return ExitCodes.OK;
  }
}
