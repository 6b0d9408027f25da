package io.jcompose.runtime.linux;

import io.jcompose.runtime.api.ContainerRuntime.LogStream;
import io.jcompose.runtime.api.LogLine;
import io.jcompose.runtime.api.LogOptions;
import io.jcompose.runtime.shim.LogFiles;
import io.jcompose.runtime.shim.LogFollower;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Streams a container's log lines to a handler; with follow, polls until exit or close. */
final class ContainerLogs {
  private static final long POLL_MILLIS = 100;

  private final Vertx vertx;
  private final Path dir;
  private final BooleanSupplier alive;

  ContainerLogs(Vertx vertx, Path dir, BooleanSupplier alive) {
    this.vertx = vertx;
    this.dir = dir;
    this.alive = alive;
  }

  Future<LogStream> start(LogOptions options, Handler<LogLine> sink) {
    Promise<Void> ended = Promise.promise();
    if (!options.follow()) {
      return vertx
          .executeBlocking(() -> LogFiles.read(dir, options), false)
          .map(
              lines -> {
                lines.forEach(sink::handle);
                ended.tryComplete();
                return stream(ended, () -> {});
              });
    }
    return vertx
        .executeBlocking(
            () -> {
              LogFollower follower = new LogFollower(dir, true);
              List<LogLine> first = new ArrayList<>(LogFiles.readRotated(dir));
              first.addAll(follower.poll());
              return new Object[] {follower, LogFiles.select(first, options)};
            },
            false)
        .map(
            pair -> {
              LogFollower follower = (LogFollower) pair[0];
              @SuppressWarnings("unchecked")
              List<LogLine> first = (List<LogLine>) pair[1];
              first.forEach(sink::handle);
              LogOptions later = new LogOptions(true, -1, options.since(), options.until());
              long[] timer = {0};
              Runnable stop =
                  () -> {
                    vertx.cancelTimer(timer[0]);
                    vertx.executeBlocking(
                        () -> {
                          follower.close();
                          return null;
                        },
                        false);
                    ended.tryComplete();
                  };
              timer[0] =
                  vertx.setPeriodic(
                      POLL_MILLIS,
                      t -> {
                        if (ended.future().isComplete()) {
                          return;
                        }
                        vertx
                            .executeBlocking(
                                () -> {
                                  boolean wasAlive = alive.getAsBoolean();
                                  return new Object[] {follower.poll(), wasAlive};
                                },
                                true)
                            .onSuccess(
                                r -> {
                                  if (ended.future().isComplete()) {
                                    return;
                                  }
                                  @SuppressWarnings("unchecked")
                                  List<LogLine> lines = (List<LogLine>) r[0];
                                  lines.stream()
                                      .filter(l -> LogFiles.selected(l, later))
                                      .forEach(sink::handle);
                                  boolean past =
                                      options.until() != null
                                          && Instant.now().isAfter(options.until());
                                  if (!(Boolean) r[1] || past) {
                                    stop.run();
                                  }
                                })
                            .onFailure(
                                e -> {
                                  stop.run();
                                });
                      });
              return stream(ended, stop);
            });
  }

  private static LogStream stream(Promise<Void> ended, Runnable stop) {
    return new LogStream() {
      @Override
      public Future<Void> ended() {
        return ended.future();
      }

      @Override
      public void close() {
        stop.run();
      }
    };
  }
}
