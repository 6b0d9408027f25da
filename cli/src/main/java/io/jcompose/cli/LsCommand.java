package io.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.scheduler.api.ListOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jcompose ls}: the projects on this host. */
@Command(name = "ls", description = "List running compose projects.")
final class LsCommand extends ProjectCommand {

  @Option(
      names = {"-a", "--all"},
      description = "Show all stopped projects too.")
  boolean all;

  @Option(
      names = {"-q", "--quiet"},
      description = "Only display project names.")
  boolean quiet;

  @Option(names = "--format", paramLabel = "FORMAT", description = "table|json (default: table).")
  String format = "table";

  @Override
  public Integer call() throws Exception {
    JsonNode rows = daemon().call("ls", body("options", new ListOptions(all)), e -> {});
    if (quiet) {
      rows.forEach(r -> out().println(r.path("Name").asText()));
    } else if (format.equals("json")) {
      out().println(mapper().writeValueAsString(rows));
    } else {
      Table table = new Table("NAME", "STATUS", "CONFIG FILES");
      rows.forEach(
          r ->
              table.row(
                  r.path("Name").asText(),
                  r.path("Status").asText(),
                  r.path("ConfigFiles").asText()));
      table.print(out());
    }
    out().flush();
    return ExitCodes.OK;
  }
}
