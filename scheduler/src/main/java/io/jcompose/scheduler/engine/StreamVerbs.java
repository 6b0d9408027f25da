package io.jcompose.scheduler.engine;

import io.jcompose.runtime.api.ContainerRuntime;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.LogOptions;
import io.jcompose.runtime.api.NotFoundException;
import io.jcompose.scheduler.api.ContainerEvent;
import io.jcompose.scheduler.api.DownOptions;
import io.jcompose.scheduler.api.EventsOptions;
import io.jcompose.scheduler.api.LogEntry;
import io.jcompose.scheduler.api.LogsOptions;
import io.jcompose.scheduler.api.Subscription;
import io.jcompose.scheduler.api.WaitOptions;
import io.jcompose.scheduler.plan.ComposeLabels;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/** {@code logs}, {@code events} and {@code wait}. */
final class StreamVerbs {

  private final EngineContext ctx;
  private final DownVerb down;

  StreamVerbs(EngineContext ctx, DownVerb down) {
    this.ctx = ctx;
    this.down = down;
  }

  Future<Subscription> logs(String name, LogsOptions options, Handler<LogEntry> sink) {
    return ctx.containers(name, options.services(), true)
        .map(
            containers -> {
              StreamSubscription sub = new StreamSubscription();
              List<Future<?>> ends = new ArrayList<>();
              LogOptions lo =
                  new LogOptions(
                      options.follow(), options.tail(), options.since(), options.until());
              for (ContainerState c : containers) {
                if (options.index() > 0 && ComposeLabels.number(c) != options.index()) {
                  continue;
                }
                String service = ComposeLabels.service(c);
                int number = ComposeLabels.number(c);
                Future<ContainerRuntime.LogStream> stream =
                    ctx.rt
                        .containers()
                        .logs(
                            c.id(),
                            lo,
                            line ->
                                sink.handle(
                                    new LogEntry(
                                        c.name(),
                                        service,
                                        number,
                                        line.stream(),
                                        line.time(),
                                        line.text())));
                stream.onSuccess(s -> sub.onClose(s::close));
                ends.add(stream.compose(ContainerRuntime.LogStream::ended));
              }
              sub.endWhen(Future.join(ends));
              return (Subscription) sub;
            });
  }

  Future<Subscription> events(String name, EventsOptions options, Handler<ContainerEvent> sink) {
    StreamSubscription sub = new StreamSubscription();
    Runnable unsubscribe =
        ctx.events.subscribe(
            e -> {
              if (name.equals(e.attributes().get("project"))
                  && (options.services().isEmpty() || options.services().contains(e.service()))) {
                sink.handle(e);
              }
            });
    sub.onClose(unsubscribe);
    return Future.succeededFuture(sub);
  }

  Future<Integer> waitFor(String name, WaitOptions options) {
    return ctx.containers(name, options.services(), false)
        .compose(
            containers -> {
              if (containers.isEmpty()) {
                return Future.failedFuture(
                    new NotFoundException("no containers to wait for in project " + name));
              }
              Promise<Integer> first = Promise.promise();
              for (ContainerState c : containers) {
                ctx.rt
                    .containers()
                    .waitForExit(c.id())
                    .onSuccess(st -> first.tryComplete(st.exitCode()))
                    .onFailure(first::tryFail);
              }
              return first
                  .future()
                  .compose(
                      code ->
                          options.downProjectOnContainerExit()
                              ? down.down(name, DownOptions.defaults(), Progress.NONE).map(code)
                              : Future.succeededFuture(code));
            });
  }
}
