package io.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.cli.client.DaemonException;
import io.jcompose.model.api.Project;
import io.jcompose.scheduler.api.LogsOptions;
import io.jcompose.scheduler.api.PsOptions;
import io.jcompose.scheduler.api.StopOptions;
import io.jcompose.scheduler.api.WaitOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * {@code up} in the foreground: follows the logs of the started services until they all exit;
 * Ctrl-C stops the project gracefully (a second Ctrl-C kills it), and with {@code
 * --abort-on-container-exit} the first container to exit stops the rest.
 */
final class ForegroundSession {

  /** How container output is printed. */
  record LogStyle(boolean colour, boolean prefix, boolean timestamps) {}

  private final ProjectCommand command;
  private final Project project;
  private final List<String> services;
  private final LogStyle style;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicInteger interrupts = new AtomicInteger();

  ForegroundSession(
      ProjectCommand command, Project project, List<String> services, LogStyle style) {
    this.command = command;
    this.project = project;
    this.services = List.copyOf(services);
    this.style = style;
  }

  int run(boolean abortOnExit, String exitCodeFrom, Integer timeout) {
    List<String> names = attachedNames();
    LogPrinter printer =
        new LogPrinter(
            System.out,
            style.colour(),
            style.prefix(),
            style.timestamps(),
            LogPrinter.widthFor(names));
    printer.note("Attaching to " + String.join(", ", names));
    Signal.handle(new Signal("INT"), sig -> onInterrupt(printer, timeout));
    AtomicInteger exitCode = new AtomicInteger(ExitCodes.OK);
    if (abortOnExit) {
      watchFirstExit(printer, exitCodeFrom, timeout, exitCode);
    }
    try {
      command
          .daemon()
          .project(
              project.name(),
              "logs",
              ProjectCommand.body("options", new LogsOptions(services, 0, true, -1, null, null)),
              event -> command.route(event, null, printer::print));
    } catch (DaemonException e) {
      if (!stopping.get()) {
        throw e;
      }
    }
    if (interrupts.get() > 0) {
      return ExitCodes.INTERRUPTED;
    }
    return exitCode.get();
  }

  /** {@code web-1, web-2…} of the containers now there, as the prefixes will show them. */
  private List<String> attachedNames() {
    List<String> names = new ArrayList<>();
    JsonNode rows =
        command
            .daemon()
            .project(
                project.name(),
                "ps",
                ProjectCommand.body("options", new PsOptions(services, true)),
                e -> {});
    rows.forEach(r -> names.add(r.path("Service").asText() + "-" + r.path("Number").asInt()));
    return names;
  }

  private void watchFirstExit(
      LogPrinter printer, String exitCodeFrom, Integer timeout, AtomicInteger exitCode) {
    List<String> watched = exitCodeFrom != null ? List.of(exitCodeFrom) : services;
    Thread watcher =
        new Thread(
            () -> {
              try {
                JsonNode code =
                    command
                        .daemon()
                        .project(
                            project.name(),
                            "wait",
                            ProjectCommand.body("options", new WaitOptions(watched, false)),
                            e -> {});
                exitCode.set(code.asInt());
                printer.note("Aborting on container exit...");
                stopAll(timeout);
              } catch (DaemonException e) {
                printer.note("jcompose: " + e.getMessage());
              }
            },
            "abort-on-exit");
    watcher.setDaemon(true);
    watcher.start();
  }

  private void onInterrupt(LogPrinter printer, Integer timeout) {
    if (interrupts.incrementAndGet() > 1) {
      printer.note("Killing...");
      command.daemon().project(project.name(), "kill", ProjectCommand.body(), e -> {});
      Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
    }
    printer.note("Gracefully stopping... (press Ctrl+C again to force)");
    Thread stopper = new Thread(() -> stopAll(timeout), "graceful-stop");
    stopper.setDaemon(true);
    stopper.start();
  }

  private void stopAll(Integer timeout) {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    command.withProgress(
        project.name(),
        "stop",
        "Stopping",
        ProjectCommand.body(
            "options", new StopOptions(project, services, Durations.seconds(timeout))));
  }
}
