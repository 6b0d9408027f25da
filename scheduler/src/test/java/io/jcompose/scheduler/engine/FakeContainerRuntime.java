package io.jcompose.scheduler.engine;

import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.ContainerRuntime;
import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.ContainerStats;
import io.jcompose.runtime.api.ContainerStatus;
import io.jcompose.runtime.api.ExecResult;
import io.jcompose.runtime.api.ExecSpec;
import io.jcompose.runtime.api.LogLine;
import io.jcompose.runtime.api.LogOptions;
import io.jcompose.runtime.api.NotFoundException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * An in-memory container runtime: containers change state at once (or after {@link #startDelay}),
 * exit when a test says so, answer probes through {@link #probes}, and every call is recorded.
 */
final class FakeContainerRuntime implements ContainerRuntime {

  /** One recorded call, like {@code start shop-web-1}, with when it happened. */
  record Call(String verb, String name, long nanos) {}

  private static final class Box {
    volatile ContainerState state;
    volatile ContainerSpec spec;
    volatile Promise<ContainerState> exit = Promise.promise();
  }

  private final Vertx vertx;
  private final Map<String, Box> boxes = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peakInFlight = new AtomicInteger();
  final List<Call> calls = new CopyOnWriteArrayList<>();
  volatile Duration startDelay = Duration.ZERO;

  /** How long each create takes; zero completes it at once. */
  volatile Duration createDelay = Duration.ZERO;

  private final AtomicInteger createsInFlight = new AtomicInteger();
  private final AtomicInteger peakCreatesInFlight = new AtomicInteger();

  /** Answers a probe: container name and argv to exit code; default healthy. */
  volatile BiFunction<String, List<String>, Integer> probes = (name, argv) -> 0;

  /** Container names that exit with the given code 20 ms after each start. */
  final Map<String, Integer> exitAfterStart = new ConcurrentHashMap<>();

  /** Container names whose start fails. */
  final List<String> failStart = new CopyOnWriteArrayList<>();

  FakeContainerRuntime(Vertx vertx) {
    this.vertx = vertx;
  }

  private Box box(String idOrName) {
    Box b = boxes.get(idOrName);
    if (b == null) {
      b =
          boxes.values().stream()
              .filter(x -> x.state.name().equals(idOrName))
              .findFirst()
              .orElse(null);
    }
    if (b == null) {
      throw new NotFoundException("no such container: " + idOrName);
    }
    return b;
  }

  private void record(String verb, String name) {
    calls.add(new Call(verb, name, System.nanoTime()));
  }

  private static ContainerState with(
      ContainerState s, ContainerStatus status, int exit, Instant started, Instant finished) {
    return new ContainerState(
        s.id(),
        s.name(),
        s.image(),
        s.labels(),
        status,
        status == ContainerStatus.RUNNING ? 4242 : 0,
        exit,
        false,
        s.createdAt(),
        started,
        finished);
  }

  @Override
  public Future<ContainerState> create(ContainerSpec spec) {
    if (createDelay.isZero()) {
      return createNow(spec);
    }
    peakCreatesInFlight.accumulateAndGet(createsInFlight.incrementAndGet(), Math::max);
    // A delayed create is seen twice: "creating" when asked, "create" when done.
    record("creating", spec.name());
    Promise<ContainerState> done = Promise.promise();
    vertx.setTimer(
        createDelay.toMillis(),
        t -> {
          createsInFlight.decrementAndGet();
          createNow(spec).onComplete(done);
        });
    return done.future();
  }

  private synchronized Future<ContainerState> createNow(ContainerSpec spec) {
    if (boxes.values().stream().anyMatch(b -> b.state.name().equals(spec.name()))) {
      return Future.failedFuture(
          new ConflictException("container name " + spec.name() + " is in use"));
    }
    String id = String.format("%064x", ids.incrementAndGet());
    Box b = new Box();
    b.spec = spec;
    b.state =
        new ContainerState(
            id,
            spec.name(),
            spec.image(),
            spec.labels(),
            ContainerStatus.CREATED,
            0,
            0,
            false,
            Instant.now(),
            null,
            null);
    boxes.put(id, b);
    record("create", spec.name());
    return Future.succeededFuture(b.state);
  }

  @Override
  public Future<ContainerState> start(String id) {
    Box b = box(id);
    int now = inFlight.incrementAndGet();
    peakInFlight.accumulateAndGet(now, Math::max);
    Promise<ContainerState> done = Promise.promise();
    Runnable finish =
        () -> {
          inFlight.decrementAndGet();
          if (failStart.contains(b.state.name())) {
            done.fail(new io.jcompose.runtime.api.RuntimeFailure("cannot start " + b.state.name()));
            return;
          }
          synchronized (b) {
            b.exit = Promise.promise();
            b.state = with(b.state, ContainerStatus.RUNNING, 0, Instant.now(), null);
          }
          record("start", b.state.name());
          Integer code = exitAfterStart.get(b.state.name());
          if (code != null) {
            vertx.setTimer(20, t -> exit(b.state.name(), code));
          }
          done.complete(b.state);
        };
    if (startDelay.isZero()) {
      finish.run();
    } else {
      vertx.setTimer(startDelay.toMillis(), t -> finish.run());
    }
    return done.future();
  }

  /** A start whose stdio goes nowhere; the exit code completes when the container exits. */
  @Override
  public Future<io.jcompose.runtime.api.AttachedExec> startAttached(
      String id, int columns, int lines) {
    return start(id)
        .map(
            st ->
                new io.jcompose.runtime.api.AttachedExec(
                    java.io.OutputStream.nullOutputStream(),
                    java.io.InputStream.nullInputStream(),
                    java.io.InputStream.nullInputStream(),
                    waitForExit(id).map(ContainerState::exitCode)));
  }

  /** Makes a running container exit with {@code code}, as if its process ended. */
  void exit(String name, int code) {
    Box b = box(name);
    Promise<ContainerState> exit;
    synchronized (b) {
      b.state = with(b.state, ContainerStatus.EXITED, code, b.state.startedAt(), Instant.now());
      exit = b.exit;
    }
    record("exit", name);
    exit.tryComplete(b.state);
  }

  @Override
  public Future<ContainerState> stop(String id, Duration grace) {
    Box b = box(id);
    record("stop", b.state.name());
    if (b.state.isAlive()) {
      exit(b.state.name(), 0);
    }
    return Future.succeededFuture(b.state);
  }

  @Override
  public Future<Void> kill(String id, String signal) {
    Box b = box(id);
    record("kill", b.state.name());
    if (b.state.isAlive()) {
      exit(b.state.name(), 137);
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> remove(String id, boolean force) {
    Box b = box(id);
    if (b.state.isAlive() && !force) {
      return Future.failedFuture(
          new ConflictException("container " + b.state.name() + " is running"));
    }
    boxes.remove(b.state.id());
    record("remove", b.state.name());
    return Future.succeededFuture();
  }

  @Override
  public Future<ContainerState> inspect(String idOrName) {
    try {
      return Future.succeededFuture(box(idOrName).state);
    } catch (NotFoundException e) {
      return Future.failedFuture(e);
    }
  }

  @Override
  public Future<List<ContainerState>> list(Map<String, String> labelFilter) {
    List<ContainerState> out = new ArrayList<>();
    for (Box b : boxes.values()) {
      if (b.state.labels().entrySet().containsAll(labelFilter.entrySet())) {
        out.add(b.state);
      }
    }
    return Future.succeededFuture(out);
  }

  @Override
  public Future<ExecResult> exec(String id, ExecSpec exec) {
    Box b = box(id);
    int code = probes.apply(b.state.name(), exec.command());
    return Future.succeededFuture(new ExecResult(code, "exit " + code, false));
  }

  @Override
  public Future<LogStream> logs(String id, LogOptions options, Handler<LogLine> sink) {
    Box b = box(id);
    sink.handle(new LogLine(Instant.now(), "stdout", "hello from " + b.state.name()));
    return Future.succeededFuture(
        new LogStream() {
          @Override
          public Future<Void> ended() {
            return Future.succeededFuture();
          }

          @Override
          public void close() {}
        });
  }

  @Override
  public Future<ContainerState> waitForExit(String id) {
    Box b = box(id);
    synchronized (b) {
      if (!b.state.isAlive() && b.state.status() != ContainerStatus.CREATED) {
        return Future.succeededFuture(b.state);
      }
      return b.exit.future();
    }
  }

  @Override
  public Future<Void> pause(String id) {
    Box b = box(id);
    b.state = with(b.state, ContainerStatus.PAUSED, 0, b.state.startedAt(), null);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> unpause(String id) {
    Box b = box(id);
    b.state = with(b.state, ContainerStatus.RUNNING, 0, b.state.startedAt(), null);
    return Future.succeededFuture();
  }

  @Override
  public Future<ContainerStats> stats(String id) {
    return Future.succeededFuture(new ContainerStats(1, 2, 3, 4));
  }

  // The engine tests never remove images or volumes.
  @Override
  public Future<Boolean> usesImage(String imageId) {
    return Future.succeededFuture(false);
  }

  @Override
  public Future<Boolean> usesVolume(String volumeName) {
    return Future.succeededFuture(false);
  }

  /** The spec a container was created with. */
  ContainerSpec spec(String name) {
    return box(name).spec;
  }

  int peakCreatesInFlight() {
    return peakCreatesInFlight.get();
  }

  int peakInFlight() {
    return peakInFlight.get();
  }

  /** Names of containers that exist now. */
  List<String> names() {
    return boxes.values().stream().map(b -> b.state.name()).sorted().toList();
  }

  /** Calls of one verb, in order. */
  List<String> calls(String verb) {
    return calls.stream().filter(c -> c.verb().equals(verb)).map(Call::name).toList();
  }

  /** When a container was last started. */
  long startedAt(String name) {
    return calls.stream()
        .filter(c -> c.verb().equals("start") && c.name().equals(name))
        .mapToLong(Call::nanos)
        .max()
        .orElseThrow(() -> new AssertionError(name + " never started"));
  }
}
