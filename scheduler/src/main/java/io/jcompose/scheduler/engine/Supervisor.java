package io.jcompose.scheduler.engine;

import io.jcompose.health.api.HealthMonitor;
import io.jcompose.health.api.HealthStatus;
import io.jcompose.health.api.HealthTransition;
import io.jcompose.health.api.Probe;
import io.jcompose.health.api.ProbeResult;
import io.jcompose.health.api.Probes;
import io.jcompose.health.api.Ticker;
import io.jcompose.runtime.api.ContainerRuntime;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.ContainerStatus;
import io.jcompose.runtime.api.ExecSpec;
import io.jcompose.runtime.api.RuntimeFailure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Watches every container the engine started: learns of exits from the runtime's {@code
 * waitForExit}, runs health monitors, applies restart policies with back-off, and wakes whoever
 * waits on a container the moment its state changes. Nothing here polls.
 */
final class Supervisor {

  private final Vertx vertx;
  private final ContainerRuntime runtime;
  private final Ticker ticker;
  private final EngineStateStore store;
  private final EventHub events;
  private final Function<LiveContainer, Future<Void>> beforeRestart;
  private final Function<LiveContainer, Future<Void>> onRunning;
  private final Function<LiveContainer, Future<Void>> onStopped;
  private final Map<String, LiveContainer> live = new ConcurrentHashMap<>();
  private final ContainerWaiters waiters = new ContainerWaiters(this);

  Supervisor(
      Vertx vertx,
      ContainerRuntime runtime,
      Ticker ticker,
      EngineStateStore store,
      EventHub events,
      Function<LiveContainer, Future<Void>> beforeRestart,
      Function<LiveContainer, Future<Void>> onRunning,
      Function<LiveContainer, Future<Void>> onStopped) {
    this.vertx = vertx;
    this.runtime = runtime;
    this.ticker = ticker;
    this.store = store;
    this.events = events;
    this.beforeRestart = beforeRestart;
    this.onRunning = onRunning;
    this.onStopped = onStopped;
  }

  /** Registers a container (fresh or re-adopted); a running one is watched at once. */
  LiveContainer track(LiveContainer c, ContainerState state) {
    return track(c, state, false);
  }

  /**
   * As above; with {@code startsAtOnce} a container that is not running is not reported stopped
   * (its start follows immediately and reports it running).
   */
  LiveContainer track(LiveContainer c, ContainerState state, boolean startsAtOnce) {
    live.put(c.id, c);
    c.status = state.status();
    c.exitCode = state.exitCode();
    if (state.isAlive()) {
      c.adopting = true;
      running(c, state.startedAt() == null ? ticker.now() : state.startedAt(), false);
    } else if (!startsAtOnce) {
      onStopped.apply(c);
    }
    return c;
  }

  LiveContainer get(String id) {
    return live.get(id);
  }

  /**
   * A start the engine did (user or up) succeeded; completes once its DNS answers and its ports are
   * published.
   */
  Future<Void> started(String id) {
    LiveContainer c = live.get(id);
    if (c == null) {
      return Future.failedFuture(new RuntimeFailure("container " + id + " is not tracked"));
    }
    {
      boolean changed;
      synchronized (this) {
        if (c.pendingRestart != null) {
          c.pendingRestart.cancel();
          c.pendingRestart = null;
        }
        changed = c.record.stoppedByUser();
        c.record = c.record.withStoppedByUser(false);
      }
      if (changed && c.restartPolicy.mode() != RestartPolicy.Mode.NO) {
        persist(c);
      }
      return running(c, ticker.now(), true);
    }
  }

  private Future<Void> running(LiveContainer c, Instant startedAt, boolean announce) {
    int generation;
    boolean forgetHealth = false;
    synchronized (this) {
      c.status = ContainerStatus.RUNNING;
      c.startedAt = startedAt;
      c.startedNanos = ticker.nanoTime();
      generation = ++c.generation;
      if (c.monitor != null) {
        c.monitor.close();
      }
      // A re-adopted container ran on while the daemon was away: its health goes on from what
      // was recorded. Any other start begins a new run whose health starts over.
      HealthStatus kept = c.adopting ? c.record.health() : null;
      if (!c.adopting && c.record.health() != null) {
        c.record = c.record.withHealth(null, 0);
        forgetHealth = true;
      }
      if (c.hasHealthcheck()) {
        Probe probe =
            Probes.fromTest(c.healthConfig.test(), (argv, timeout) -> probe(c.id, argv, timeout));
        if (kept != null) {
          c.health = kept;
          c.monitor =
              HealthMonitor.resume(
                  c.id,
                  c.healthConfig,
                  probe,
                  ticker,
                  t -> healthChanged(c, t),
                  kept,
                  c.record.failingStreak());
        } else {
          c.health = HealthStatus.STARTING;
          c.monitor =
              HealthMonitor.start(c.id, c.healthConfig, probe, ticker, t -> healthChanged(c, t));
        }
      }
    }
    if (forgetHealth) {
      persist(c);
    }
    if (announce) {
      events.publish(c, "start", Map.of());
    }
    Future<Void> ready = onRunning.apply(c);
    notifyChange(c);
    runtime.waitForExit(c.id).onSuccess(state -> exited(c, generation, state));
    return ready;
  }

  private Future<ProbeResult> probe(String id, List<String> argv, Duration timeout) {
    Instant start = Instant.now();
    return runtime
        .exec(id, new ExecSpec(argv, Map.of(), null, null, false, timeout))
        .map(
            r ->
                new ProbeResult(
                    start, Instant.now(), r.timedOut() ? -1 : r.exitCode(), r.output()));
  }

  private void healthChanged(LiveContainer c, HealthTransition t) {
    synchronized (this) {
      c.health = t.to();
      c.record = c.record.withHealth(t.to(), c.monitor == null ? 0 : c.monitor.failingStreak());
    }
    persist(c);
    events.publish(c, "health_status: " + t.to().word(), Map.of());
    notifyChange(c);
  }

  private void exited(LiveContainer c, int generation, ContainerState state) {
    boolean restart;
    Duration delay = Duration.ZERO;
    synchronized (this) {
      if (generation != c.generation || live.get(c.id) != c) {
        return;
      }
      c.status = ContainerStatus.EXITED;
      c.exitCode = state.exitCode();
      if (c.monitor != null) {
        c.monitor.close();
        c.monitor = null;
      }
      restart =
          c.restartPolicy.shouldRestart(
              c.exitCode, c.record.restartCount(), c.record.stoppedByUser());
      if (restart) {
        c.status = ContainerStatus.RESTARTING;
        delay = c.backoff.next(Duration.ofNanos(ticker.nanoTime() - c.startedNanos));
      }
    }
    events.publish(c, "die", Map.of("exitCode", Integer.toString(state.exitCode())));
    onStopped.apply(c);
    notifyChange(c);
    if (restart) {
      scheduleRestart(c, delay);
    }
  }

  // The host ports open before the process starts, as for a start by a verb: a port taken while
  // the container was down fails this attempt, and the next one comes with the back-off.
  private void scheduleRestart(LiveContainer c, Duration delay) {
    Ticker.Cancellable pending =
        ticker.schedule(
            delay,
            () ->
                beforeRestart
                    .apply(c)
                    .compose(v -> abandoned(c) ? Future.succeededFuture() : runtime.start(c.id))
                    .onSuccess(
                        st -> {
                          if (st == null) {
                            // Abandoned: the ports this attempt opened close again.
                            onStopped.apply(c);
                            return;
                          }
                          synchronized (this) {
                            c.pendingRestart = null;
                            c.record = c.record.restarted();
                          }
                          persist(c);
                          events.publish(c, "restart", Map.of());
                          running(c, ticker.now(), true);
                        })
                    .onFailure(err -> restartFailed(c, err)));
    synchronized (this) {
      c.pendingRestart = pending;
    }
  }

  // A user stop or a removal came while the ports were opening: the restart is off.
  private synchronized boolean abandoned(LiveContainer c) {
    return c.record.stoppedByUser() || live.get(c.id) != c;
  }

  private void restartFailed(LiveContainer c, Throwable err) {
    // Docker gives up after a failed restart (moby#39559); jcompose keeps trying with a growing
    // delay, so a freed port brings the container back. Ports an attempt opened close again.
    onStopped.apply(c);
    if (abandoned(c)) {
      return;
    }
    Duration next;
    synchronized (this) {
      next = c.backoff.next(Duration.ZERO);
    }
    String why = err.getMessage() == null ? err.toString() : err.getMessage();
    events.publish(c, "restart_failed", Map.of("error", why));
    // The daemon's stderr is its log (DaemonLog's format); nobody else sees a restart fail.
    System.err.println(
        Instant.now()
            + " container "
            + c.name
            + ": restart failed, next try in "
            + next.toMillis()
            + " ms: "
            + why);
    scheduleRestart(c, next);
  }

  /** A user stop is coming: no restart for this exit, health stops. */
  void stoppingByUser(String id) {
    LiveContainer c = live.get(id);
    if (c == null) {
      return;
    }
    boolean changed;
    synchronized (this) {
      changed = !c.record.stoppedByUser();
      c.record = c.record.withStoppedByUser(true);
      if (c.pendingRestart != null) {
        c.pendingRestart.cancel();
        c.pendingRestart = null;
        c.status = ContainerStatus.EXITED;
      }
    }
    // Only a policy that restarts cares whether a user stopped it; the file is skipped otherwise.
    if (changed && c.restartPolicy.mode() != RestartPolicy.Mode.NO) {
      persist(c);
    }
  }

  /** Records a status set by a verb (paused, unpaused). */
  void status(String id, ContainerStatus status) {
    LiveContainer c = live.get(id);
    if (c != null) {
      synchronized (this) {
        c.status = status;
      }
      notifyChange(c);
    }
  }

  /** The container was removed. */
  void forget(String id) {
    LiveContainer c = live.remove(id);
    if (c != null) {
      synchronized (this) {
        if (c.monitor != null) {
          c.monitor.close();
        }
        if (c.pendingRestart != null) {
          c.pendingRestart.cancel();
        }
        c.generation++;
      }
      waiters.gone(c);
      vertx.executeBlocking(
          () -> {
            store.delete(id);
            return null;
          });
    }
  }

  /** Completes when {@code gate} passes for the container, fails when it fails. */
  Future<Void> await(String id, Function<LiveContainer, Verdict> gate) {
    LiveContainer c = live.get(id);
    if (c == null) {
      return Future.failedFuture(new RuntimeFailure("container " + id + " is not running"));
    }
    return waiters.register(c, gate);
  }

  private void notifyChange(LiveContainer c) {
    waiters.changed(c);
  }

  private void persist(LiveContainer c) {
    ContainerRecord snapshot;
    synchronized (this) {
      snapshot = c.record;
    }
    vertx.executeBlocking(
        () -> {
          store.save(snapshot);
          return null;
        });
  }

  /** Every live container. */
  List<LiveContainer> all() {
    return List.copyOf(live.values());
  }
}
