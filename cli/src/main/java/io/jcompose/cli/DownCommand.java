package io.jcompose.cli;

import io.jcompose.model.api.Project;
import io.jcompose.scheduler.api.DownOptions;
import io.jcompose.scheduler.api.ProjectInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose down}: stop and remove containers and networks (volumes with -v). */
@Command(name = "down", description = "Stop and remove containers, networks.", sortOptions = false)
final class DownCommand extends ProjectCommand {

  @Option(
      names = {"-v", "--volumes"},
      description = "Remove named volumes declared in the project and anonymous volumes.")
  boolean volumes;

  @Option(names = "--remove-orphans", description = "Remove containers of services not defined.")
  boolean removeOrphans;

  @Option(
      names = {"-t", "--timeout"},
      paramLabel = "SECONDS",
      description = "Shutdown timeout.")
  Integer timeout;

  @Option(names = "--rmi", paramLabel = "TYPE", description = "Remove images used: local|all.")
  String rmi;

  @Parameters(paramLabel = "SERVICE", description = "Services to take down (default: all).")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() {
    if (rmi != null && !rmi.equals("local") && !rmi.equals("all")) {
      throw UpCommand.usage("--rmi " + rmi + ": use local or all");
    }
    DownOptions options =
        new DownOptions(null, services, removeOrphans, volumes, rmi, Durations.seconds(timeout));
    // A running daemon loads the files itself (POST /v1/down), or goes by -p alone when there are
    // none: this short-lived JVM then neither parses YAML nor serialises the model.
    Optional<ProjectInput> input = source().inputIfPresent(services);
    byte[] request = DownRequest.encode(input.orElse(null), globals().projectName(), options);
    if (withProgressIfRunning("down", "Running", request).isPresent()) {
      return ExitCodes.OK;
    }
    Optional<Project> project = projectIfPresent(services);
    withProgress(
        nameOf(project),
        "down",
        "Running",
        body("options", options.withProject(project.orElse(null))));
    return ExitCodes.OK;
  }
}
