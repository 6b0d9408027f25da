package io.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jcompose system df|prune}: disk use and clean-up of the whole host. */
@Command(
    name = "system",
    description = "Manage jcompose's state on this host.",
    subcommands = {SystemCommand.Df.class, SystemCommand.Prune.class})
final class SystemCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  @Command(name = "df", description = "Show disk usage.")
  static final class Df extends ProjectCommand {
    @Override
    public Integer call() {
      JsonNode df = daemon().call("system/df", body(), e -> {});
      Table table = new Table("TYPE", "TOTAL", "ACTIVE", "SIZE");
      table.row(
          "Images", df.path("images").asText(), "", Sizes.human(df.path("imagesSize").asLong()));
      table.row(
          "Containers", df.path("containers").asText(), df.path("containersRunning").asText(), "");
      table.row(
          "Local Volumes",
          df.path("volumes").asText(),
          "",
          Sizes.human(df.path("volumesSize").asLong()));
      table.print(out());
      out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "prune", description = "Remove stopped containers and dangling images.")
  static final class Prune extends ProjectCommand {
    @Option(
        names = {"-a", "--all"},
        description = "Remove all unused images, not just dangling.")
    boolean all;

    @Option(names = "--volumes", description = "Prune volumes too.")
    boolean volumes;

    @Option(
        names = {"-f", "--force"},
        description = "Do not prompt for confirmation.")
    boolean force;

    @Override
    public Integer call() {
      JsonNode report =
          daemon().call("system/prune", body("all", all, "volumes", volumes), e -> {});
      print("Deleted Containers:", report.path("containers"));
      print("Deleted Images:", report.path("images"));
      print("Deleted Volumes:", report.path("volumes"));
      out().flush();
      return ExitCodes.OK;
    }

    private void print(String title, JsonNode names) {
      if (names.isArray() && names.size() > 0) {
        out().println(title);
        names.forEach(n -> out().println(n.asText()));
        out().println();
      }
    }
  }
}
