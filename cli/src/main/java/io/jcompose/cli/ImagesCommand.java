package io.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.model.api.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose images}: images used by the project's containers. */
@Command(name = "images", description = "List images used by the created containers.")
final class ImagesCommand extends ProjectCommand {

  @Option(
      names = {"-q", "--quiet"},
      description = "Only display IDs.")
  boolean quiet;

  @Option(names = "--format", paramLabel = "FORMAT", description = "table|json (default: table).")
  String format = "table";

  @Parameters(paramLabel = "SERVICE", description = "Services (default: all).")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Optional<Project> project = projectIfPresent(services);
    JsonNode rows =
        daemon().project(nameOf(project), "images", body("services", services), e -> {});
    if (quiet) {
      rows.forEach(r -> out().println(r.path("ID").asText()));
    } else if (format.equals("json")) {
      out().println(mapper().writeValueAsString(rows));
    } else {
      Table table = new Table("CONTAINER", "REPOSITORY", "TAG", "IMAGE ID", "SIZE");
      for (JsonNode r : rows) {
        String id = r.path("ID").asText().replace("sha256:", "");
        table.row(
            r.path("ContainerName").asText(),
            r.path("Repository").asText(),
            r.path("Tag").asText(),
            id.length() > 12 ? id.substring(0, 12) : id,
            Sizes.human(r.path("Size").asLong()));
      }
      table.print(out());
    }
    out().flush();
    return ExitCodes.OK;
  }
}
