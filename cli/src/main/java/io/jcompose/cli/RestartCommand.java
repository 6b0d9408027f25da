package io.jcompose.cli;

import io.jcompose.model.api.Project;
import io.jcompose.scheduler.api.RestartOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose restart}: restart service containers. */
@Command(name = "restart", description = "Restart service containers.", sortOptions = false)
final class RestartCommand extends ProjectCommand {

  @Option(
      names = {"-t", "--timeout"},
      paramLabel = "SECONDS",
      description = "Shutdown timeout.")
  Integer timeout;

  @Option(names = "--no-deps", description = "Don't restart dependent services.")
  boolean noDeps;

  @Parameters(paramLabel = "SERVICE", description = "Services (default: all).")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() {
    Optional<Project> project = projectIfPresent(services);
    RestartOptions options =
        new RestartOptions(project.orElse(null), services, Durations.seconds(timeout), noDeps);
    withProgress(nameOf(project), "restart", "Restarting", body("options", options));
    return ExitCodes.OK;
  }
}
