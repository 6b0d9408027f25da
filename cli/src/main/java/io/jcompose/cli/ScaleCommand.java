package io.jcompose.cli;

import io.jcompose.model.api.Project;
import io.jcompose.scheduler.api.ScaleOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose scale SERVICE=N…}: set the number of replicas. */
@Command(name = "scale", description = "Scale services.")
final class ScaleCommand extends ProjectCommand {

  @Option(names = "--no-deps", description = "Don't start linked services.")
  boolean noDeps;

  @Parameters(paramLabel = "SERVICE=REPLICAS", arity = "1..*")
  List<String> pairs;

  @Override
  public Integer call() {
    Map<String, Integer> replicas = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      try {
        replicas.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)));
      } catch (RuntimeException e) {
        throw UpCommand.usage("scale " + pair + ": use SERVICE=REPLICAS, e.g. web=3");
      }
    }
    Project project = project(List.copyOf(replicas.keySet()));
    withProgress(
        project.name(),
        "scale",
        "Running",
        body("project", project, "options", new ScaleOptions(replicas, noDeps)));
    return ExitCodes.OK;
  }
}
