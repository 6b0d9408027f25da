package io.jcompose.health;

import io.jcompose.health.api.HealthConfig;
import io.jcompose.health.api.HealthListener;
import io.jcompose.health.api.HealthMonitor;
import io.jcompose.health.api.HealthStatus;
import io.jcompose.health.api.HealthTransition;
import io.jcompose.health.api.Probe;
import io.jcompose.health.api.ProbeResult;
import io.jcompose.health.api.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Schedules probes for one container and feeds their results to a {@link HealthStateMachine}. The
 * next probe is armed one interval after the previous one ended, as Docker does, so a slow probe
 * never overlaps the next.
 */
public final class ProbeLoop implements HealthMonitor {

  private final String containerId;
  private final HealthConfig config;
  private final Probe probe;
  private final Ticker ticker;
  private final HealthListener listener;
  private final HealthStateMachine machine;
  private final long startedNanos;
  private Ticker.Cancellable pending;
  private boolean closed;

  private ProbeLoop(
      String containerId,
      HealthConfig config,
      Probe probe,
      Ticker ticker,
      HealthListener listener,
      HealthStateMachine machine) {
    this.containerId = containerId;
    this.config = config;
    this.probe = probe;
    this.ticker = ticker;
    this.listener = listener;
    this.machine = machine;
    this.startedNanos = ticker.nanoTime();
  }

  /** Starts the loop; the first probe runs one (start) interval from now. */
  public static ProbeLoop start(
      String containerId,
      HealthConfig config,
      Probe probe,
      Ticker ticker,
      HealthListener listener) {
    ProbeLoop loop =
        new ProbeLoop(
            containerId, config, probe, ticker, listener, new HealthStateMachine(config.retries()));
    loop.armNext();
    return loop;
  }

  /**
   * Starts the loop from a status and failing streak the caller kept (a re-adopted container); the
   * first probe runs one interval from now, and no transition is reported until one happens.
   */
  public static ProbeLoop resume(
      String containerId,
      HealthConfig config,
      Probe probe,
      Ticker ticker,
      HealthListener listener,
      HealthStatus status,
      int failingStreak) {
    ProbeLoop loop =
        new ProbeLoop(
            containerId,
            config,
            probe,
            ticker,
            listener,
            new HealthStateMachine(config.retries(), status, failingStreak));
    loop.armNext();
    return loop;
  }

  private synchronized void armNext() {
    if (!closed) {
      pending = ticker.schedule(nextDelay(), this::runProbe);
    }
  }

  private Duration nextDelay() {
    boolean starting = machine.status() == HealthStatus.STARTING;
    return starting && inStartPeriod(ticker.nanoTime())
        ? config.startInterval()
        : config.interval();
  }

  private boolean inStartPeriod(long nanos) {
    return nanos - startedNanos < config.startPeriod().toNanos();
  }

  private void runProbe() {
    long probeStartNanos = ticker.nanoTime();
    Instant probeStart = ticker.now();
    AtomicBoolean settled = new AtomicBoolean();
    Ticker.Cancellable timeout =
        ticker.schedule(
            config.timeout(),
            () ->
                settle(
                    settled,
                    new ProbeResult(
                        probeStart,
                        ticker.now(),
                        -1,
                        "Health check exceeded timeout (" + format(config.timeout()) + ")"),
                    probeStartNanos));
    probe
        .run(config.timeout())
        .onComplete(
            done -> {
              timeout.cancel();
              ProbeResult result =
                  done.succeeded()
                      ? done.result()
                      : new ProbeResult(
                          probeStart, ticker.now(), -1, String.valueOf(done.cause().getMessage()));
              settle(settled, result, probeStartNanos);
            });
  }

  // Exactly one of "probe ended" and "timeout fired" counts; the later one is ignored.
  private void settle(AtomicBoolean settled, ProbeResult result, long probeStartNanos) {
    HealthTransition transition;
    synchronized (this) {
      if (closed || !settled.compareAndSet(false, true)) {
        return;
      }
      HealthStatus before = machine.status();
      HealthStatus after = machine.record(result, inStartPeriod(probeStartNanos));
      transition =
          before == after
              ? null
              : new HealthTransition(containerId, before, after, result, ticker.now());
    }
    if (transition != null) {
      listener.onTransition(transition);
    }
    armNext();
  }

  private static String format(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  @Override
  public String containerId() {
    return containerId;
  }

  @Override
  public synchronized HealthStatus status() {
    return machine.status();
  }

  @Override
  public synchronized int failingStreak() {
    return machine.failingStreak();
  }

  @Override
  public synchronized List<ProbeResult> log() {
    return machine.log();
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (pending != null) {
      pending.cancel();
    }
  }
}
