package io.jcompose.runtime.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Creates and runs containers. Every method is asynchronous and never blocks the calling event
 * loop; failures complete the future with a {@link RuntimeFailure} (or a subclass) whose message is
 * one line for the user.
 */
public interface ContainerRuntime {

  /** Creates a container (bundle, rootfs, cgroup) without starting it. */
  Future<ContainerState> create(ContainerSpec spec);

  /** Starts a created or exited container; completes once its process runs. */
  Future<ContainerState> start(String id);

  /** Sends the stop signal, then SIGKILL after {@code grace}; completes once it has exited. */
  Future<ContainerState> stop(String id, Duration grace);

  /** Sends a signal ({@code SIGKILL}, {@code HUP}, {@code 9}…) to the container's process. */
  Future<Void> kill(String id, String signal);

  /** Removes a container that is not running (or any, with {@code force}). */
  Future<Void> remove(String id, boolean force);

  /** Current state of a container by id or name. */
  Future<ContainerState> inspect(String idOrName);

  /** All containers whose labels include every given label. */
  Future<List<ContainerState>> list(Map<String, String> labelFilter);

  /** Runs a command inside a running container. */
  Future<ExecResult> exec(String id, ExecSpec exec);

  /**
   * Starts a command in a running container with its stdio attached to the caller (interactive
   * {@code exec}). With {@link ExecSpec#tty()} the command gets a pseudo terminal whose size is
   * taken from the {@code COLUMNS} and {@code LINES} entries of its environment, which then only
   * size the terminal and are not passed on to the command.
   */
  default Future<AttachedExec> execAttached(String id, ExecSpec exec) {
    return Future.failedFuture(
        new RuntimeFailure("this runtime cannot attach to a command in a container"));
  }

  /**
   * Where output of the container's main process that reached the caller instead of the runtime (an
   * attached run) is added to the container's log, as docker keeps it. The default keeps none.
   */
  default LogAppender logAppender(String id) {
    return LogAppender.NONE;
  }

  /**
   * Starts a created or exited container with its main process's stdio handed to the caller
   * (interactive {@code run}) instead of its log. With {@link ContainerSpec#tty()} the process gets
   * a pseudo terminal of {@code columns} by {@code lines} (0: the default size) and the streams are
   * the terminal's; otherwise stdin, stdout and stderr are pipes. The exit code completes once the
   * container has exited.
   */
  default Future<AttachedExec> startAttached(String id, int columns, int lines) {
    return Future.failedFuture(
        new RuntimeFailure("this runtime cannot attach to a container's main process"));
  }

  /**
   * Streams log lines to {@code sink}; completes when done (at once without follow, at container
   * exit or {@link LogStream#close()} with follow).
   */
  Future<LogStream> logs(String id, LogOptions options, Handler<LogLine> sink);

  /** Completes when the container has exited, with its final state. */
  Future<ContainerState> waitForExit(String id);

  /** Freezes every process of the container. */
  Future<Void> pause(String id);

  /** Thaws a paused container. */
  Future<Void> unpause(String id);

  /** Resource use from the container's cgroup. */
  Future<ContainerStats> stats(String id);

  /**
   * Whether any container this runtime knows, running or stopped, was created from the image with
   * this id; the image store asks it before deleting an image. Completes without blocking, so a
   * worker thread may wait on it.
   *
   * @param imageId the image's id as the image store gives it
   */
  Future<Boolean> usesImage(String imageId);

  /**
   * Whether any container this runtime knows, running or stopped, mounts the named volume; the
   * volume store asks it before removing or pruning a volume. Completes without blocking, so a
   * worker thread may wait on it.
   */
  Future<Boolean> usesVolume(String volumeName);

  /** A running log stream; closing it stops following. */
  interface LogStream extends AutoCloseable {
    /** Completes when the stream has ended. */
    Future<Void> ended();

    @Override
    void close();
  }
}
