package io.jcompose.scheduler.engine;

import io.jcompose.runtime.api.AttachedExec;
import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.LogAppender;
import io.vertx.core.Future;

/**
 * The second half of an interactive {@code run}: starts the one-off container {@code run} created,
 * its main process's stdio handed to the caller, and with {@code --rm} removes it once it has
 * exited — before the exit code completes, so a client that has the code finds nothing left.
 */
final class AttachedRun {

  private final EngineContext ctx;

  AttachedRun(EngineContext ctx) {
    this.ctx = ctx;
  }

  Future<AttachedExec> start(
      String project, String container, boolean autoRemove, int columns, int lines) {
    return ctx.containerOf(project, container)
        .compose(
            state -> {
              if (state.isAlive()) {
                return Future.failedFuture(
                    new ConflictException(
                        "container " + container + " is already running; run creates a new one"));
              }
              return ctx.adopter
                  .tracked(null, state)
                  .compose(live -> started(live, state, autoRemove, columns, lines));
            });
  }

  // With --service-ports the host ports open before the process starts, as for up: a taken one
  // fails the run before anything ran.
  private Future<AttachedExec> started(
      LiveContainer live, ContainerState state, boolean autoRemove, int columns, int lines) {
    return ctx.ops
        .withPortsFirst(live, () -> ctx.rt.containers().startAttached(state.id(), columns, lines))
        .recover(e -> ctx.ops.removedAfterFailedStart(state.id(), autoRemove, e))
        .map(attached -> logged(state, attached))
        .compose(
            attached ->
                ctx.supervisor
                    .started(state.id())
                    .map(attached.withExitCode(ended(state, attached, autoRemove))));
  }

  /** The process's output also goes to the container's log, as docker keeps it. */
  private AttachedExec logged(ContainerState state, AttachedExec attached) {
    LogAppender log = ctx.rt.containers().logAppender(state.id());
    return new AttachedExec(
        attached.stdin(),
        new LoggedOutput(attached.stdout(), log, "stdout"),
        new LoggedOutput(attached.stderr(), log, "stderr"),
        attached.exitCode(),
        attached.resizer());
  }

  private Future<Integer> ended(ContainerState state, AttachedExec attached, boolean autoRemove) {
    if (!autoRemove) {
      return attached.exitCode();
    }
    return attached
        .exitCode()
        .compose(
            code ->
                ctx.rt
                    .containers()
                    .inspect(state.id())
                    .compose(now -> ctx.ops.remove(now, null, ctx.limiter(0), Progress.NONE))
                    .map(code));
  }
}
