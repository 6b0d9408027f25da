package io.jcompose.health.api;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;

/**
 * Time for health monitors: a clock and one-shot timers. Production code uses {@link
 * #vertx(Vertx)}; tests pass a manual ticker to step time by hand.
 */
public interface Ticker {

  /** Monotonic time in nanoseconds. */
  long nanoTime();

  /** Wall-clock time, for probe records. */
  Instant now();

  /** Runs {@code action} once after {@code delay}; returns a handle to cancel it. */
  Cancellable schedule(Duration delay, Runnable action);

  /** A scheduled action that may be cancelled. */
  @FunctionalInterface
  interface Cancellable {
    /** Cancels the action if it has not run; idempotent. */
    void cancel();
  }

  /** Vert.x timers on the calling context, {@link System#nanoTime()} and the system clock. */
  static Ticker vertx(Vertx vertx) {
    return new Ticker() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public Instant now() {
        return Instant.now();
      }

      @Override
      public Cancellable schedule(Duration delay, Runnable action) {
        long id = vertx.setTimer(Math.max(1, delay.toMillis()), ignored -> action.run());
        return () -> vertx.cancelTimer(id);
      }
    };
  }
}
