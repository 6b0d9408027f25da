package io.jcompose.health.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A ticker whose time moves only when {@link #advance} is called; due actions run in time order on
 * the caller's thread. For tests and simulations of health checks and restart back-off.
 */
public final class ManualTicker implements Ticker {

  private record Timer(long due, long seq, Runnable action, boolean[] cancelled) {}

  private final List<Timer> timers = new ArrayList<>();
  private final Instant epoch = Instant.parse("2026-01-01T00:00:00Z");
  private long now;
  private long seq;

  /** Creates a ticker at time zero. */
  public ManualTicker() {}

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  @Override
  public synchronized Instant now() {
    return epoch.plusNanos(now);
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable action) {
    boolean[] cancelled = {false};
    timers.add(new Timer(now + delay.toNanos(), seq++, action, cancelled));
    return () -> cancelled[0] = true;
  }

  /** Moves time forward by {@code step}, running every action that falls due on the way. */
  public void advance(Duration step) {
    long target;
    synchronized (this) {
      target = now + step.toNanos();
    }
    while (true) {
      Timer next;
      synchronized (this) {
        next =
            timers.stream()
                .filter(t -> t.due <= target && !t.cancelled[0])
                .min(Comparator.comparingLong(Timer::due).thenComparingLong(Timer::seq))
                .orElse(null);
        if (next == null) {
          now = target;
          timers.removeIf(t -> t.cancelled[0] || t.due <= target);
          return;
        }
        timers.remove(next);
        now = next.due;
      }
      next.action.run();
    }
  }

  /** How many live timers are pending. */
  public synchronized long pending() {
    return timers.stream().filter(t -> !t.cancelled[0]).count();
  }
}
