package io.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jcompose volume …}: the host's named volumes. */
@Command(
    name = "volume",
    description = "Manage volumes.",
    subcommands = {
      VolumeCommand.Ls.class,
      VolumeCommand.Inspect.class,
      VolumeCommand.Rm.class,
      VolumeCommand.Prune.class
    })
final class VolumeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  @Command(name = "ls", aliases = "list", description = "List volumes.")
  static final class Ls extends ProjectCommand {
    @Option(
        names = {"-q", "--quiet"},
        description = "Only display volume names.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table|json.")
    String format = "table";

    @Override
    public Integer call() throws Exception {
      JsonNode volumes = daemon().call("volume/ls", body(), e -> {});
      if (quiet) {
        volumes.forEach(v -> out().println(v.path("name").asText()));
      } else if (format.equals("json")) {
        for (JsonNode v : volumes) {
          out().println(mapper().writeValueAsString(v));
        }
      } else {
        Table table = new Table("DRIVER", "VOLUME NAME");
        volumes.forEach(v -> table.row("local", v.path("name").asText()));
        table.print(out());
      }
      out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "inspect", description = "Display detailed information on volumes.")
  static final class Inspect extends ProjectCommand {
    @Parameters(paramLabel = "VOLUME", arity = "1..*")
    List<String> names;

    @Override
    public Integer call() throws Exception {
      var found = mapper().createArrayNode();
      for (String name : names) {
        found.add(daemon().call("volume/inspect", body("name", name), e -> {}));
      }
      out().println(mapper().writerWithDefaultPrettyPrinter().writeValueAsString(found));
      out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "rm", aliases = "remove", description = "Remove volumes.")
  static final class Rm extends ProjectCommand {
    @Option(
        names = {"-f", "--force"},
        description = "Accepted for compatibility.")
    boolean force;

    @Parameters(paramLabel = "VOLUME", arity = "1..*")
    List<String> names;

    @Override
    public Integer call() {
      daemon().call("volume/rm", body("names", names, "force", force), e -> {});
      names.forEach(out()::println);
      out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "prune", description = "Remove unused volumes.")
  static final class Prune extends ProjectCommand {
    @Option(
        names = {"-f", "--force"},
        description = "Do not prompt for confirmation.")
    boolean force;

    @Override
    public Integer call() {
      JsonNode removed = daemon().call("volume/prune", body(), e -> {});
      out().println("Deleted Volumes:");
      removed.forEach(n -> out().println(n.asText()));
      out().flush();
      return ExitCodes.OK;
    }
  }
}
