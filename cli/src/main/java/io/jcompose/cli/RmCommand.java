package io.jcompose.cli;

import io.jcompose.model.api.Project;
import io.jcompose.scheduler.api.RemoveOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jcompose rm}: remove stopped service containers. Without {@code -f} docker compose asks
 * for confirmation; jcompose asks only when stdin is a terminal.
 */
@Command(name = "rm", description = "Removes stopped service containers.", sortOptions = false)
final class RmCommand extends ProjectCommand {

  @Option(
      names = {"-f", "--force"},
      description = "Don't ask to confirm removal.")
  boolean force;

  @Option(
      names = {"-s", "--stop"},
      description = "Stop the containers, if required, first.")
  boolean stop;

  @Option(
      names = {"-v", "--volumes"},
      description = "Remove anonymous volumes attached.")
  boolean volumes;

  @Parameters(paramLabel = "SERVICE", description = "Services (default: all).")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() {
    Optional<Project> project = projectIfPresent(services);
    if (!force && Terminal.stdinIsTerminal() && !confirm()) {
      return ExitCodes.OK;
    }
    RemoveOptions options = new RemoveOptions(services, force, stop, volumes);
    withProgress(nameOf(project), "rm", "Removing", body("options", options));
    return ExitCodes.OK;
  }

  private boolean confirm() {
    err().print("? Going to remove the project's stopped containers. Are you sure? [y/N] ");
    err().flush();
    try {
      int c = System.in.read();
      return c == 'y' || c == 'Y';
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
