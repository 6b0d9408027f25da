package io.jcompose.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jcompose.cli.client.DaemonClient;
import io.jcompose.cli.client.JsonTrees;
import io.jcompose.model.api.Project;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose ps}: list the project's containers. */
@Command(name = "ps", description = "List containers.", sortOptions = false)
final class PsCommand extends ProjectCommand {

  /** The keys of {@code docker compose ps --format json}, in its order. */
  private static final List<String> JSON_KEYS =
      List.of(
          "ID",
          "Name",
          "Image",
          "Command",
          "Project",
          "Service",
          "CreatedAt",
          "State",
          "Status",
          "Health",
          "ExitCode",
          "RestartCount",
          "Publishers",
          "Labels");

  @Option(
      names = {"-a", "--all"},
      description = "Show all stopped containers too.")
  boolean all;

  @Option(
      names = {"-q", "--quiet"},
      description = "Only display IDs.")
  boolean quiet;

  @Option(names = "--services", description = "Display services.")
  boolean servicesOnly;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "Filter by status (repeatable): created|restarting|running|paused|exited|dead.")
  List<String> status = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", description = "table|json (default: table).")
  String format = "table";

  @Parameters(paramLabel = "SERVICE", description = "Services to list (default: all).")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    if (!format.equals("table") && !format.equals("json")) {
      throw UpCommand.usage("--format " + format + ": use table or json");
    }
    Optional<Project> project = projectIfPresent(services);
    JsonNode rows = request(daemon(), nameOf(project), services, all || !status.isEmpty());
    render(rows, status, quiet, servicesOnly, format, out(), this::mapper);
    return ExitCodes.OK;
  }

  /** Asks the daemon for the rows; the body is plain JSON, so no object mapper is built. */
  static JsonNode request(
      DaemonClient daemon, String project, List<String> services, boolean withStopped)
      throws IOException {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("services", services);
    options.put("all", withStopped);
    byte[] body = JsonTrees.write(Map.of("options", options));
    return daemon.callJson("projects/" + project + "/ps", body, e -> {});
  }

  /** Prints the daemon's rows as the flags ask: IDs, service names, JSON lines or a table. */
  static void render(
      JsonNode rows,
      List<String> status,
      boolean quiet,
      boolean servicesOnly,
      String format,
      PrintWriter out,
      Supplier<ObjectMapper> mapper)
      throws JsonProcessingException {
    List<JsonNode> shown = new ArrayList<>();
    rows.forEach(
        row -> {
          if (status.isEmpty() || status.contains(row.path("State").asText())) {
            shown.add(row);
          }
        });
    if (quiet) {
      shown.forEach(r -> out.println(r.path("ID").asText()));
    } else if (servicesOnly) {
      Set<String> names = new LinkedHashSet<>();
      shown.forEach(r -> names.add(r.path("Service").asText()));
      names.forEach(out::println);
    } else if (format.equals("json")) {
      for (JsonNode row : shown) {
        out.println(mapper.get().writeValueAsString(dockerShape(row)));
      }
    } else {
      printTable(out, shown);
    }
    out.flush();
  }

  /** One {@code --format json} line from a row of the daemon's {@code ps}. */
  static ObjectNode dockerShape(JsonNode row) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    for (String key : JSON_KEYS) {
      if (key.equals("Labels")) {
        o.put(key, labelsText(row.path("Labels")));
      } else if (row.has(key)) {
        o.set(key, row.get(key));
      }
    }
    return o;
  }

  private static String labelsText(JsonNode labels) {
    List<String> pairs = new ArrayList<>();
    labels.fields().forEachRemaining(e -> pairs.add(e.getKey() + "=" + e.getValue().asText()));
    return String.join(",", pairs);
  }

  private static void printTable(PrintWriter out, List<JsonNode> rows) {
    Table table = new Table("NAME", "IMAGE", "COMMAND", "SERVICE", "CREATED", "STATUS", "PORTS");
    for (JsonNode r : rows) {
      table.row(
          r.path("Name").asText(),
          r.path("Image").asText(),
          Table.quoted(r.path("Command").asText(), 20),
          r.path("Service").asText(),
          Table.ago(r.path("CreatedAt").asText()),
          r.path("Status").asText(),
          ports(r.path("Publishers")));
    }
    table.print(out);
  }

  static String ports(JsonNode publishers) {
    List<String> parts = new ArrayList<>();
    for (JsonNode p : publishers) {
      String target = p.path("TargetPort").asInt() + "/" + p.path("Protocol").asText("tcp");
      if (p.path("PublishedPort").asInt() > 0) {
        String url = p.path("URL").asText("0.0.0.0");
        parts.add(
            (url.isEmpty() ? "0.0.0.0" : url)
                + ":"
                + p.path("PublishedPort").asInt()
                + "->"
                + target);
      } else {
        parts.add(target);
      }
    }
    return String.join(", ", parts);
  }
}
