package io.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.model.api.Project;
import io.jcompose.scheduler.api.StatsOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose stats}: CPU, memory and pids of the containers, from their cgroups. */
@Command(name = "stats", description = "Display a live stream of container resource usage.")
final class StatsCommand extends ProjectCommand {

  @Option(
      names = {"-a", "--all"},
      description = "Show all containers (default shows running).")
  boolean all;

  @Option(names = "--no-stream", description = "Disable streaming stats and only pull the first.")
  boolean noStream;

  @Option(names = "--format", paramLabel = "FORMAT", description = "table|json (default: table).")
  String format = "table";

  @Parameters(paramLabel = "SERVICE", description = "Services (default: all).")
  List<String> services = new ArrayList<>();

  private final Map<String, long[]> previous = new HashMap<>();

  @Override
  public Integer call() throws Exception {
    Optional<Project> project = projectIfPresent(services);
    String name = nameOf(project);
    boolean live = !noStream && Terminal.stdoutIsTerminal();
    // CPU % needs two samples; the first pass only primes them unless --no-stream.
    sample(name);
    Thread.sleep(500);
    do {
      JsonNode rows = sample(name);
      if (live) {
        out().print("\033[2J\033[H");
      }
      print(rows);
      if (live) {
        Thread.sleep(1000);
      }
    } while (live);
    return ExitCodes.OK;
  }

  private JsonNode sample(String name) {
    return daemon()
        .project(name, "stats", body("options", new StatsOptions(services, all)), e -> {});
  }

  private void print(JsonNode rows) throws Exception {
    if (format.equals("json")) {
      for (JsonNode r : rows) {
        out().println(mapper().writeValueAsString(r));
      }
      out().flush();
      return;
    }
    Table table = new Table("CONTAINER ID", "NAME", "CPU %", "MEM USAGE / LIMIT", "MEM %", "PIDS");
    for (JsonNode r : rows) {
      String id = r.path("id").asText();
      long cpu = r.path("cpuNanos").asLong();
      long at = java.time.Instant.parse(r.path("time").asText()).toEpochMilli() * 1_000_000L;
      long[] before = previous.put(id, new long[] {cpu, at});
      double cpuPercent =
          before == null || at <= before[1] ? 0 : 100.0 * (cpu - before[0]) / (at - before[1]);
      long mem = r.path("memoryBytes").asLong();
      long limit = r.path("memoryLimitBytes").asLong();
      table.row(
          id.length() > 12 ? id.substring(0, 12) : id,
          r.path("name").asText(),
          String.format(Locale.ROOT, "%.2f%%", cpuPercent),
          Sizes.binary(mem) + " / " + (limit > 0 ? Sizes.binary(limit) : "unlimited"),
          limit > 0 ? String.format(Locale.ROOT, "%.2f%%", 100.0 * mem / limit) : "--",
          String.valueOf(r.path("pids").asLong()));
    }
    table.print(out());
    out().flush();
  }
}
