package io.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.model.api.Project;
import io.jcompose.scheduler.api.WaitOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose wait}: block until the first selected container stops; print its exit code. */
@Command(name = "wait", description = "Block until the first service container stops.")
final class WaitCommand extends ProjectCommand {

  @Option(names = "--down-project", description = "Drops the project when the first one stops.")
  boolean downProject;

  @Parameters(paramLabel = "SERVICE", description = "Services (default: all).")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() {
    Optional<Project> project = projectIfPresent(services);
    JsonNode code =
        daemon()
            .project(
                nameOf(project),
                "wait",
                body("options", new WaitOptions(services, downProject)),
                e -> {});
    out().println(code.asInt());
    out().flush();
    return code.asInt();
  }
}
