package io.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.model.api.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code jcompose top}: the processes running in each container. */
@Command(name = "top", description = "Display the running processes.")
final class TopCommand extends ProjectCommand {

  @Parameters(paramLabel = "SERVICE", description = "Services (default: all).")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() {
    Optional<Project> project = projectIfPresent(services);
    JsonNode result = daemon().project(nameOf(project), "top", body("services", services), e -> {});
    boolean first = true;
    for (JsonNode container : result) {
      if (!first) {
        out().println();
      }
      first = false;
      out().println(container.path("container").asText());
      List<String> titles = new ArrayList<>();
      container.path("titles").forEach(t -> titles.add(t.asText()));
      Table table = new Table(titles.toArray(String[]::new));
      for (JsonNode process : container.path("processes")) {
        List<String> cells = new ArrayList<>();
        process.forEach(c -> cells.add(c.asText()));
        table.row(cells.toArray(String[]::new));
      }
      table.print(out());
    }
    out().flush();
    return ExitCodes.OK;
  }
}
