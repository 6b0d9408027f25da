package io.jcompose.cli;

import io.jcompose.model.api.Project;
import io.jcompose.scheduler.api.LogsOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose logs}: output of the project's containers. */
@Command(name = "logs", description = "View output from containers.", sortOptions = false)
final class LogsCommand extends ProjectCommand {

  @Option(
      names = {"-f", "--follow"},
      description = "Follow log output.")
  boolean follow;

  @Option(
      names = {"-n", "--tail"},
      paramLabel = "N",
      description = "Number of lines from the end of each container's log (default: all).")
  String tail = "all";

  @Option(
      names = {"-t", "--timestamps"},
      description = "Show timestamps.")
  boolean timestamps;

  @Option(names = "--since", paramLabel = "TIME", description = "Logs since a time or 42m.")
  String since;

  @Option(names = "--until", paramLabel = "TIME", description = "Logs before a time or 42m.")
  String until;

  @Option(names = "--no-color", description = "Produce monochrome output.")
  boolean noColor;

  @Option(names = "--no-log-prefix", description = "Don't print a prefix in logs.")
  boolean noLogPrefix;

  @Option(names = "--index", paramLabel = "N", description = "Replica index, if scaled.")
  int index;

  @Parameters(paramLabel = "SERVICE", description = "Services (default: all).")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() {
    int lines;
    try {
      lines = tail.equals("all") ? -1 : Integer.parseInt(tail);
    } catch (NumberFormatException e) {
      throw UpCommand.usage("--tail " + tail + ": use a number or all");
    }
    Optional<Project> project = projectIfPresent(services);
    LogsOptions options =
        new LogsOptions(
            services,
            index,
            follow,
            lines,
            Durations.pointInTime("--since", since),
            Durations.pointInTime("--until", until));
    boolean colour = !noColor && globals().ansi().enabled(Terminal.stdoutIsTerminal());
    LogPrinter printer = new LogPrinter(System.out, colour, !noLogPrefix, timestamps, 0);
    daemon()
        .project(
            nameOf(project),
            "logs",
            body("options", options),
            event -> route(event, null, printer::print));
    return ExitCodes.OK;
  }
}
