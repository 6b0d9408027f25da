package io.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.model.api.Project;
import io.jcompose.scheduler.api.ExecOptions;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose exec SERVICE COMMAND…}: run a command in a running container. */
@Command(name = "exec", description = "Execute a command in a running container.")
final class ExecCommand extends ProjectCommand {

  @Option(
      names = {"-d", "--detach"},
      description = "Run the command in the background.")
  boolean detach;

  @Option(
      names = {"-T", "--no-TTY"},
      description = "Disable pseudo-TTY allocation.")
  boolean noTty;

  @Option(
      names = {"-e", "--env"},
      paramLabel = "KEY=VAL",
      description = "Set environment.")
  List<String> env = new ArrayList<>();

  @Option(
      names = {"-w", "--workdir"},
      paramLabel = "DIR",
      description = "Working directory.")
  String workdir;

  @Option(
      names = {"-u", "--user"},
      paramLabel = "USER",
      description = "Run as this user.")
  String user;

  @Option(names = "--index", paramLabel = "N", description = "Replica index, if scaled.")
  int index;

  @Option(names = "--privileged", description = "Give extended privileges to the process.")
  boolean privileged;

  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "1..*")
  List<String> command = new ArrayList<>();

  @Override
  public Integer call() {
    Optional<Project> project = projectIfPresent(List.of(service));
    boolean tty = !noTty && Terminal.stdinIsTerminal() && Terminal.stdoutIsTerminal();
    ExecOptions options =
        new ExecOptions(
            service, index, command, EnvPairs.parse(env), user, workdir, tty, privileged, detach);
    if (!detach) {
      return attached(nameOf(project), options);
    }
    JsonNode result =
        daemon()
            .project(
                nameOf(project),
                "exec",
                body("options", options),
                event -> route(event, null, ProjectCommand::printToStdio));
    return result.path("exitCode").asInt();
  }

  /** Runs the command with this process's stdio attached; raw terminal with a TTY. */
  private int attached(String projectName, ExecOptions options) {
    int[] size = options.tty() ? RawTerminal.size() : new int[] {0, 0};
    try {
      String json = mapper().writeValueAsString(options);
      SocketChannel channel =
          daemon()
              .attach(
                  projectName,
                  "exec/attach",
                  Map.of(
                      "options", json,
                      "columns", Integer.toString(size[0]),
                      "lines", Integer.toString(size[1])));
      return AttachedTerminal.relay(channel, options.tty());
    } catch (IOException e) {
      throw new CliException("exec " + service + ": " + e.getMessage(), 1, e);
    }
  }
}
