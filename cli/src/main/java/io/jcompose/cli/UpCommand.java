package io.jcompose.cli;

import io.jcompose.model.api.Project;
import io.jcompose.scheduler.api.CreateOptions;
import io.jcompose.scheduler.api.Recreate;
import io.jcompose.scheduler.api.StartOptions;
import io.jcompose.scheduler.api.UpOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose up}: create and start the project; in the foreground, follow its logs. */
@Command(name = "up", description = "Create and start containers.", sortOptions = false)
final class UpCommand extends ProjectCommand {

  @Option(
      names = {"-d", "--detach"},
      description = "Run containers in the background.")
  boolean detach;

  @Option(
      names = "--scale",
      paramLabel = "SERVICE=NUM",
      description = "Scale SERVICE to NUM instances (repeatable).")
  Map<String, Integer> scale = new LinkedHashMap<>();

  @Option(
      names = "--wait",
      description = "Wait for services to be running or healthy (implies -d).")
  boolean waitReady;

  @Option(names = "--wait-timeout", paramLabel = "SECONDS", description = "Give up waiting after.")
  Integer waitTimeout;

  @Option(names = "--force-recreate", description = "Recreate containers even if unchanged.")
  boolean forceRecreate;

  @Option(names = "--no-recreate", description = "Never recreate existing containers.")
  boolean noRecreate;

  @Option(names = "--always-recreate-deps", description = "Recreate dependent containers.")
  boolean alwaysRecreateDeps;

  @Option(names = "--remove-orphans", description = "Remove containers of services not defined.")
  boolean removeOrphans;

  @Option(
      names = "--abort-on-container-exit",
      description = "Stop all containers if any container stops.")
  boolean abortOnExit;

  @Option(
      names = "--exit-code-from",
      paramLabel = "SERVICE",
      description = "Return the exit code of SERVICE (implies --abort-on-container-exit).")
  String exitCodeFrom;

  @Option(names = "--no-deps", description = "Don't start linked services.")
  boolean noDeps;

  @Option(names = "--no-start", description = "Don't start the services after creating them.")
  boolean noStart;

  @Option(
      names = {"-t", "--timeout"},
      paramLabel = "SECONDS",
      description = "Shutdown timeout when stopping or replacing containers.")
  Integer timeout;

  @Option(
      names = "--pull",
      paramLabel = "POLICY",
      description = "Pull images: always|missing|never.")
  String pull;

  @Option(names = "--no-color", description = "Produce monochrome output.")
  boolean noColor;

  @Option(names = "--no-log-prefix", description = "Don't print a prefix in logs.")
  boolean noLogPrefix;

  @Option(names = "--timestamps", description = "Show timestamps.")
  boolean timestamps;

  @Parameters(paramLabel = "SERVICE", description = "Services to start (default: all).")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() {
    checkFlags();
    CreateOptions create =
        new CreateOptions(
            services,
            scale,
            forceRecreate ? Recreate.FORCE : noRecreate ? Recreate.NEVER : Recreate.DIVERGED,
            alwaysRecreateDeps ? Recreate.FORCE : noRecreate ? Recreate.NEVER : Recreate.DIVERGED,
            removeOrphans,
            noDeps,
            pull,
            Durations.seconds(timeout),
            Math.max(0, globals().parallelLimit()));
    // The engine's up does not read the start options' project: it is sent once, not twice.
    StartOptions start =
        new StartOptions(null, services, noStart, waitReady, Durations.seconds(waitTimeout));
    UpOptions options = new UpOptions(create, start);
    boolean detached = detach || waitReady || noStart;
    // A running daemon loads the files itself (POST /v1/up): this short-lived JVM then neither
    // parses YAML nor serialises the model. Without one, the files are checked here first, so a
    // bad file fails with its one line before any daemon is started.
    if (detached
        && withProgressIfRunning(
                "up", "Running", UpRequest.encode(source().input(services), options))
            .isPresent()) {
      return ExitCodes.OK;
    }
    Project project = project(services);
    withProgress(project.name(), "up", "Running", body("project", project, "options", options));
    if (detached) {
      return ExitCodes.OK;
    }
    return new ForegroundSession(this, project, services, logOptions())
        .run(abortOnExit || exitCodeFrom != null, exitCodeFrom, timeout);
  }

  private ForegroundSession.LogStyle logOptions() {
    boolean colour = !noColor && globals().ansi().enabled(Terminal.stdoutIsTerminal());
    return new ForegroundSession.LogStyle(colour, !noLogPrefix, timestamps);
  }

  private void checkFlags() {
    if (forceRecreate && noRecreate) {
      throw usage("--force-recreate and --no-recreate are incompatible");
    }
    if (detach && (abortOnExit || exitCodeFrom != null)) {
      throw usage("--detach and --abort-on-container-exit are incompatible");
    }
    if (exitCodeFrom != null && !services.isEmpty() && !services.contains(exitCodeFrom)) {
      services.add(exitCodeFrom);
    }
    if (pull != null && !List.of("always", "missing", "never", "build").contains(pull)) {
      throw usage("--pull " + pull + ": use always, missing or never");
    }
  }

  static CliException usage(String message) {
    return new CliException(message, ExitCodes.USAGE, null);
  }
}
