package io.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.model.api.Project;
import io.jcompose.scheduler.api.RunOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose run SERVICE [COMMAND…]}: run a one-off container of a service. */
@Command(name = "run", description = "Run a one-off command on a service.", sortOptions = false)
final class RunCommand extends ProjectCommand {

  @Option(
      names = {"-d", "--detach"},
      description = "Run container in background.")
  boolean detach;

  @Option(names = "--rm", description = "Remove the container when it exits.")
  boolean remove;

  @Option(names = "--name", paramLabel = "NAME", description = "Assign a name to the container.")
  String name;

  @Option(
      names = {"-e", "--env"},
      paramLabel = "KEY=VAL",
      description = "Set environment.")
  List<String> env = new ArrayList<>();

  @Option(
      names = {"-l", "--label"},
      paramLabel = "KEY=VAL",
      description = "Add or override a label.")
  List<String> labels = new ArrayList<>();

  @Option(names = "--entrypoint", paramLabel = "CMD", description = "Override the entrypoint.")
  String entrypoint;

  @Option(
      names = {"-u", "--user"},
      paramLabel = "USER",
      description = "Run as this user.")
  String user;

  @Option(
      names = {"-w", "--workdir"},
      paramLabel = "DIR",
      description = "Working directory.")
  String workdir;

  @Option(
      names = {"-T", "--no-TTY"},
      description = "Disable pseudo-TTY allocation.")
  boolean noTty;

  @Option(
      names = {"-i", "--interactive"},
      description = "Keep STDIN open (always on, as in docker compose).")
  boolean interactive = true;

  @Option(
      names = {"-t", "--tty"},
      description = "Allocate a pseudo-TTY when one is attached (the default; -T disables it).")
  boolean ttyFlag = true;

  @Option(names = "--no-deps", description = "Don't start linked services.")
  boolean noDeps;

  @Option(
      names = {"-P", "--service-ports"},
      description = "Publish the service's ports.")
  boolean servicePorts;

  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  @Parameters(index = "1..*", paramLabel = "COMMAND")
  List<String> command = new ArrayList<>();

  @Override
  public Integer call() {
    Project project = project(List.of(service));
    boolean tty = !noTty && Terminal.stdinIsTerminal() && Terminal.stdoutIsTerminal();
    RunOptions options =
        new RunOptions(
            service,
            command.isEmpty() ? null : command,
            entrypoint == null ? null : Arrays.asList(entrypoint.trim().split("\\s+")),
            EnvPairs.parse(env),
            EnvPairs.parse(labels),
            name,
            user,
            workdir,
            tty,
            detach,
            remove,
            noDeps,
            servicePorts,
            !detach);
    JsonNode result;
    try (var view = progressView("Running")) {
      result =
          daemon()
              .project(
                  project.name(),
                  "run",
                  body("project", project, "options", options),
                  event -> route(event, view, ProjectCommand::printToStdio));
    }
    if (detach) {
      out().println(result.path("container").asText());
      out().flush();
      return result.path("exitCode").asInt();
    }
    return attached(project.name(), result.path("container").asText(), tty);
  }

  /** Starts the created container with this process's stdio; returns its exit code. */
  private int attached(String projectName, String container, boolean tty) {
    int[] size = tty ? RawTerminal.size() : new int[] {0, 0};
    try {
      return new RunAttach(daemon(), projectName, container, remove)
          .run(size[0], size[1], channel -> AttachedTerminal.relay(channel, tty));
    } catch (IOException e) {
      throw new CliException("run " + service + ": " + e.getMessage(), 1, e);
    }
  }
}
