package io.jcompose.cli;

import io.jcompose.model.api.Project;
import io.jcompose.scheduler.api.StopOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose stop}: stop running containers without removing them. */
@Command(name = "stop", description = "Stop services.", sortOptions = false)
final class StopCommand extends ProjectCommand {

  @Option(
      names = {"-t", "--timeout"},
      paramLabel = "SECONDS",
      description = "Shutdown timeout.")
  Integer timeout;

  @Parameters(paramLabel = "SERVICE", description = "Services (default: all).")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() {
    Optional<Project> project = projectIfPresent(services);
    StopOptions options =
        new StopOptions(project.orElse(null), services, Durations.seconds(timeout));
    withProgress(nameOf(project), "stop", "Stopping", body("options", options));
    return ExitCodes.OK;
  }
}
