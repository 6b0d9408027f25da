package io.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.cli.client.DaemonException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose network …}: the host's networks, as {@code docker network} shows them; {@code
 * create} makes a network that Compose files use with {@code external: true}.
 */
@Command(
    name = "network",
    description = "Manage networks.",
    subcommands = {
      NetworkCommand.Ls.class,
      NetworkCommand.Inspect.class,
      NetworkCommand.Create.class,
      NetworkCommand.Rm.class
    })
final class NetworkCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  @Command(name = "ls", aliases = "list", description = "List networks.")
  static final class Ls extends ProjectCommand {
    @Option(
        names = {"-q", "--quiet"},
        description = "Only display network names.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table|json.")
    String format = "table";

    @Override
    public Integer call() throws Exception {
      JsonNode networks = daemon().call("network/ls", body(), e -> {});
      if (quiet) {
        networks.forEach(n -> out().println(n.path("name").asText()));
      } else if (format.equals("json")) {
        for (JsonNode n : networks) {
          out().println(mapper().writeValueAsString(n));
        }
      } else {
        Table table = new Table("NAME", "DRIVER", "SUBNET", "GATEWAY", "INTERNAL", "BRIDGE");
        networks.forEach(
            n ->
                table.row(
                    n.path("name").asText(),
                    "bridge",
                    n.path("subnet").asText(),
                    n.path("gateway").asText(),
                    n.path("internal").asBoolean() ? "yes" : "no",
                    n.path("bridge").asText()));
        table.print(out());
      }
      out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "inspect", description = "Display detailed information on networks.")
  static final class Inspect extends ProjectCommand {
    @Parameters(paramLabel = "NETWORK", arity = "1..*")
    List<String> names;

    @Override
    public Integer call() throws Exception {
      var found = mapper().createArrayNode();
      for (String name : names) {
        found.add(daemon().call("network/inspect", body("name", name), e -> {}));
      }
      out().println(mapper().writerWithDefaultPrettyPrinter().writeValueAsString(found));
      out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "create", description = "Create a network.")
  static final class Create extends ProjectCommand {
    @Parameters(paramLabel = "NETWORK")
    String name;

    @Option(
        names = {"-d", "--driver"},
        paramLabel = "DRIVER",
        description = "Driver (only bridge).")
    String driver = "bridge";

    @Option(names = "--subnet", paramLabel = "CIDR", description = "Subnet (default: a free one).")
    String subnet;

    @Option(names = "--gateway", paramLabel = "ADDRESS", description = "Gateway of the subnet.")
    String gateway;

    @Option(
        names = "--ip-range",
        paramLabel = "CIDR",
        description = "Give containers addresses from this range only.")
    String ipRange;

    @Option(names = "--internal", description = "No way out of the network.")
    boolean internal;

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "A label (repeatable).")
    List<String> labels = List.of();

    @Option(
        names = {"-o", "--opt"},
        paramLabel = "KEY=VALUE",
        description = "Driver option: com.docker.network.driver.mtu=N.")
    List<String> options = List.of();

    @Override
    public Integer call() {
      JsonNode created =
          daemon()
              .call(
                  "network/create",
                  body(
                      "name",
                      name,
                      "driver",
                      driver,
                      "subnet",
                      subnet,
                      "gateway",
                      gateway,
                      "ipRange",
                      ipRange,
                      "internal",
                      internal,
                      "labels",
                      pairs("--label", labels),
                      "options",
                      pairs("--opt", options)),
                  e -> {});
      out().println(created.path("name").asText());
      out().flush();
      return ExitCodes.OK;
    }

    private static Map<String, String> pairs(String option, List<String> values) {
      Map<String, String> map = new LinkedHashMap<>();
      for (String v : values) {
        int eq = v.indexOf('=');
        if (eq <= 0) {
          throw new CliException(
              option + " '" + v + "' is not KEY=VALUE; write e.g. " + option + " team=web");
        }
        map.put(v.substring(0, eq), v.substring(eq + 1));
      }
      return map;
    }
  }

  @Command(name = "rm", aliases = "remove", description = "Remove networks.")
  static final class Rm extends ProjectCommand {
    @Parameters(paramLabel = "NETWORK", arity = "1..*")
    List<String> names;

    /** Removes every network it can, as docker does, then fails naming those it could not. */
    @Override
    public Integer call() {
      List<String> failures = new ArrayList<>();
      for (String name : names) {
        try {
          daemon().call("network/rm", body("names", List.of(name)), e -> {});
          out().println(name);
        } catch (DaemonException e) {
          if (!e.kind().equals("not_found") && !e.kind().equals("conflict")) {
            throw e;
          }
          failures.add(e.getMessage());
        }
      }
      out().flush();
      if (!failures.isEmpty()) {
        throw new CliException(String.join("; ", failures));
      }
      return ExitCodes.OK;
    }
  }
}
