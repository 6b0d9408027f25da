package io.jcompose.scheduler.engine;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * Bounds how many runtime operations run at once ({@code --parallel}, {@code
 * COMPOSE_PARALLEL_LIMIT}); waiting for health or dependencies does not take a slot.
 */
final class ParallelLimiter {

  private final int limit;
  private final Deque<Runnable> queued = new ArrayDeque<>();
  private int running;
  private int peak;

  /** A limiter for {@code limit} concurrent operations; 0 or less means no limit. */
  ParallelLimiter(int limit) {
    this.limit = limit <= 0 ? Integer.MAX_VALUE : limit;
  }

  /** Runs {@code operation} once a slot is free; the slot is released when its future ends. */
  <T> Future<T> submit(Supplier<Future<T>> operation) {
    Promise<T> promise = Promise.promise();
    Runnable task =
        () -> {
          Future<T> f;
          try {
            f = operation.get();
          } catch (RuntimeException e) {
            f = Future.failedFuture(e);
          }
          f.onComplete(
              done -> {
                release();
                promise.handle(done);
              });
        };
    boolean runNow;
    synchronized (this) {
      runNow = running < limit;
      if (runNow) {
        running++;
        peak = Math.max(peak, running);
      } else {
        queued.add(task);
      }
    }
    if (runNow) {
      task.run();
    }
    return promise.future();
  }

  private void release() {
    Runnable next;
    synchronized (this) {
      next = queued.poll();
      if (next == null) {
        running--;
      }
    }
    if (next != null) {
      next.run();
    }
  }

  /** The most operations that ran at once so far. */
  synchronized int peak() {
    return peak;
  }
}
