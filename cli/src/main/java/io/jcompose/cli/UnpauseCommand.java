package io.jcompose.cli;

import io.jcompose.model.api.Project;
import io.jcompose.scheduler.api.PauseOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code jcompose unpause}: thaw service containers. */
@Command(name = "unpause", description = "Unpause services.")
final class UnpauseCommand extends ProjectCommand {

  @Parameters(paramLabel = "SERVICE", description = "Services (default: all).")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() {
    Optional<Project> project = projectIfPresent(services);
    withProgress(
        nameOf(project), "unpause", "Unpausing", body("options", new PauseOptions(services)));
    return ExitCodes.OK;
  }
}
