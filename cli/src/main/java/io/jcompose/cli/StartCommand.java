package io.jcompose.cli;

import io.jcompose.model.api.Project;
import io.jcompose.scheduler.api.StartOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose start}: start existing containers. */
@Command(name = "start", description = "Start services.", sortOptions = false)
final class StartCommand extends ProjectCommand {

  @Option(names = "--wait", description = "Wait for services to be running or healthy.")
  boolean waitReady;

  @Option(names = "--wait-timeout", paramLabel = "SECONDS", description = "Give up waiting after.")
  Integer waitTimeout;

  @Parameters(paramLabel = "SERVICE", description = "Services (default: all).")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() {
    Optional<Project> project = projectIfPresent(services);
    StartOptions options =
        new StartOptions(
            project.orElse(null), services, false, waitReady, Durations.seconds(waitTimeout));
    withProgress(nameOf(project), "start", "Running", body("options", options));
    return ExitCodes.OK;
  }
}
