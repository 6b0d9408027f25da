package io.jcompose.scheduler.api;

import io.jcompose.model.api.Project;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import java.util.List;

/**
 * The orchestration engine the daemon hosts: one method per compose verb, each with an options
 * record, as docker compose's {@code pkg/api} Service. Every method is asynchronous and never
 * blocks the caller's event loop.
 *
 * <p>Failures complete the future with an exception whose message is one line for the user: an
 * {@link io.jcompose.runtime.api.NotFoundException} for an unknown project, service or container, a
 * {@link io.jcompose.runtime.api.ConflictException} for a state conflict, an {@link
 * IllegalArgumentException} for invalid options, and a {@link
 * io.jcompose.runtime.api.RuntimeFailure} otherwise (a dependency that failed, a container that
 * would not start).
 *
 * <p>Verbs that take a project name find the project's containers by their {@code
 * com.docker.compose.project} label; when the options carry the {@link Project} too, the engine
 * uses it for dependency order and for services that have no container yet.
 */
public interface ComposeEngine {

  /** Creates what is missing or changed and starts it, in dependency order, health-gated. */
  Future<Void> up(Project project, UpOptions options, Handler<ProgressEvent> progress);

  /** Creates networks, volumes and containers without starting them. */
  Future<Void> create(Project project, CreateOptions options, Handler<ProgressEvent> progress);

  /** Starts existing containers in dependency order. */
  Future<Void> start(String projectName, StartOptions options, Handler<ProgressEvent> progress);

  /** Stops running containers, dependents first. */
  Future<Void> stop(String projectName, StopOptions options, Handler<ProgressEvent> progress);

  /** Restarts containers (dependents with {@code restart: true} follow their dependency). */
  Future<Void> restart(String projectName, RestartOptions options, Handler<ProgressEvent> progress);

  /** Stops and removes containers and networks, and with options volumes and images. */
  Future<Void> down(String projectName, DownOptions options, Handler<ProgressEvent> progress);

  /** Sends a signal to running containers. */
  Future<Void> kill(String projectName, KillOptions options, Handler<ProgressEvent> progress);

  /** Freezes running containers. */
  Future<Void> pause(String projectName, PauseOptions options, Handler<ProgressEvent> progress);

  /** Thaws paused containers. */
  Future<Void> unpause(String projectName, PauseOptions options, Handler<ProgressEvent> progress);

  /** Removes stopped containers (and, with {@code stop}, running ones after stopping them). */
  Future<Void> remove(String projectName, RemoveOptions options, Handler<ProgressEvent> progress);

  /**
   * Removes one container of the project by name, as {@link #remove} would; a running one only with
   * {@code force} (stopped first). Fails with {@link io.jcompose.runtime.api.NotFoundException}
   * when no container of that name belongs to the project.
   */
  default Future<Void> removeContainer(
      String projectName, String container, boolean force, Handler<ProgressEvent> progress) {
    return Future.failedFuture(new UnsupportedOperationException("container remove"));
  }

  /**
   * Removes every stopped container on this host, of any project, the way {@link #remove} does
   * (address, published ports and the engine's record go too); completes with their names.
   */
  default Future<List<String>> pruneContainers(Handler<ProgressEvent> progress) {
    return Future.failedFuture(new UnsupportedOperationException("container prune"));
  }

  /** The project's containers, ordered by service then number. */
  Future<List<ContainerSummary>> ps(String projectName, PsOptions options);

  /** Container details including the health probe log and restart count. */
  Future<ContainerDetails> inspect(String projectName, String containerName);

  /**
   * Streams log lines of the selected containers to {@code sink}. The subscription's {@link
   * Subscription#ended()} completes once every line is sent: at once without follow; with follow
   * when every followed container has exited or the subscription is closed.
   */
  Future<Subscription> logs(String projectName, LogsOptions options, Handler<LogEntry> sink);

  /** Runs a command in a running service container; output goes to {@code output}. */
  Future<ExecResult> exec(String projectName, ExecOptions options, Handler<LogEntry> output);

  /**
   * Starts a command in a running service container with its stdio handed to the caller
   * (interactive {@code exec}); {@code columns} and {@code lines} size its terminal (0: unknown).
   */
  default Future<io.jcompose.runtime.api.AttachedExec> execAttached(
      String projectName, ExecOptions options, int columns, int lines) {
    return Future.failedFuture(new UnsupportedOperationException("interactive exec"));
  }

  /**
   * Starts a one-off container that {@link #run} created with {@link RunOptions#attach()}, its main
   * process's stdio handed to the caller (interactive {@code run}); {@code columns} and {@code
   * lines} size its terminal when it has one (0: unknown). With {@code autoRemove} the container is
   * removed once it has exited, before the exit code completes.
   */
  default Future<io.jcompose.runtime.api.AttachedExec> runAttached(
      String projectName, String container, boolean autoRemove, int columns, int lines) {
    return Future.failedFuture(new UnsupportedOperationException("interactive run"));
  }

  /** Runs a one-off container of a service; its output goes to {@code output} unless detached. */
  Future<RunResult> run(
      Project project,
      RunOptions options,
      Handler<LogEntry> output,
      Handler<ProgressEvent> progress);

  /** Sets the number of replicas of services, creating or removing the highest numbers. */
  Future<Void> scale(Project project, ScaleOptions options, Handler<ProgressEvent> progress);

  /** Processes running in each selected container. */
  Future<List<ContainerProcesses>> top(String projectName, List<String> services);

  /** The public address a container port is published on ({@code 0.0.0.0:8080}). */
  Future<String> port(String projectName, PortOptions options);

  /** Streams container events until the returned subscription is closed. */
  Future<Subscription> events(
      String projectName, EventsOptions options, Handler<ContainerEvent> sink);

  /**
   * Waits for the selected containers to exit; completes with the first exit code (and takes the
   * project down when asked).
   */
  Future<Integer> wait(String projectName, WaitOptions options);

  /** Images used by the project's containers. */
  Future<List<ImageSummary>> images(String projectName, List<String> services);

  /** Projects with containers on this host. */
  Future<List<StackSummary>> ls(ListOptions options);

  /** A resource-use sample of each selected running container. */
  Future<List<ContainerStatsSample>> stats(String projectName, StatsOptions options);

  /**
   * Takes over the containers that exist on this host after a daemon (re)start: health monitors and
   * restart policies resume, and containers whose policy says so ({@code always}, or {@code
   * unless-stopped} when no user stopped them) are started again. The daemon calls it once at
   * start.
   */
  default Future<Void> adopt() {
    return Future.succeededFuture();
  }
}
