package io.jcompose.runtime.linux;

import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.ContainerRuntime;
import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.ContainerStats;
import io.jcompose.runtime.api.ContainerStatus;
import io.jcompose.runtime.api.ExecResult;
import io.jcompose.runtime.api.ExecSpec;
import io.jcompose.runtime.api.ImageStore;
import io.jcompose.runtime.api.LogLine;
import io.jcompose.runtime.api.LogOptions;
import io.jcompose.runtime.api.NotFoundException;
import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.runtime.api.RuntimePaths;
import io.jcompose.runtime.api.VolumeStore;
import io.jcompose.runtime.cgroup.CgroupHost;
import io.jcompose.runtime.shim.ShimBinary;
import io.jcompose.runtime.shim.ShimCommand;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in runtime: one {@code jcompose-shim} per container, overlayfs roots, cgroups v1 or v2.
 * State lives in {@code <root>/containers/<id>}; a new instance re-reads it and sees containers
 * that kept running under their shims.
 */
public final class LinuxContainerRuntime implements ContainerRuntime, AutoCloseable {
  private final Vertx vertx;
  private final ImageStore images;
  private final VolumeMounts volumeMounts;
  private final ContainerStore store;
  private final CgroupHost cgroups;
  private final ShimCommand shim;
  private final BundleWriter bundles;
  private final ContainerLifecycle lifecycle;
  private final ExitWatcher watcher;
  private final Map<String, ContainerRecord> records = new ConcurrentHashMap<>();
  private final Map<String, List<Promise<ContainerState>>> waiters = new ConcurrentHashMap<>();

  /** Installs the shim under the root, detects cgroups and re-adopts containers found on disk. */
  public LinuxContainerRuntime(
      Vertx vertx, RuntimePaths paths, ImageStore images, VolumeStore volumes) {
    this.vertx = vertx;
    this.images = images;
    this.volumeMounts = new VolumeMounts(volumes);
    this.store = new ContainerStore(paths.containers());
    this.cgroups = CgroupHost.detect();
    this.shim = new ShimCommand(ShimBinary.install(paths.root()));
    this.bundles = new BundleWriter(shim.binary(), availableCaps());
    this.lifecycle = new ContainerLifecycle(store, cgroups, shim, this::runningPid);
    this.watcher = new ExitWatcher(vertx, this::onExit);
    // Off the start-up path, and before the first stop needs it.
    vertx.executeBlocking(
        () -> {
          Signals.bind();
          return null;
        },
        false);
    for (ContainerRecord r : store.loadAll()) {
      ContainerRecord now = lifecycle.refresh(r);
      records.put(now.id(), now);
      if (now.alive()) {
        watcher.watch(now.id(), store.dir(now.id()).path(), now.shimPid(), now.shimStartTicks());
      }
    }
  }

  /** The cgroup layout in use (for diagnostics and tests). */
  public CgroupHost cgroupHost() {
    return cgroups;
  }

  /** The directory of a container (for diagnostics and tests). */
  public Path containerDir(String id) {
    return store.dir(id).path();
  }

  @Override
  public Future<ContainerState> create(ContainerSpec spec) {
    return images
        .resolve(spec.image())
        .compose(
            image -> {
              ContainerRecord clash = byName(spec.name());
              if (clash != null) {
                return Future.failedFuture(
                    new ConflictException(
                        "container name \""
                            + spec.name()
                            + "\" is already in use by container "
                            + clash.id().substring(0, 12)
                            + "; remove that container or choose another name"));
              }
              return volumeMounts
                  .resolve(spec, image)
                  .compose(
                      mounts ->
                          blocking(
                              () -> {
                                ContainerRecord r = lifecycle.create(spec, image, mounts, bundles);
                                if (byName(spec.name()) != null) {
                                  lifecycle.remove(r);
                                  throw new ConflictException(
                                      "container name \"" + spec.name() + "\" is already in use");
                                }
                                records.put(r.id(), r);
                                return r.toState();
                              }));
            });
  }

  @Override
  public Future<ContainerState> start(String id) {
    return withRecord(
        id,
        r -> {
          ContainerRecord started = lifecycle.start(r);
          records.put(started.id(), started);
          watcher.watch(
              started.id(),
              store.dir(started.id()).path(),
              started.shimPid(),
              started.shimStartTicks());
          return started.toState();
        });
  }

  @Override
  public Future<ContainerState> stop(String id, Duration grace) {
    return withRecord(
            id,
            r -> {
              if (!r.alive()) {
                return new Stopping(r, null);
              }
              // Waits from before the signal: the exit it causes cannot be missed, and no second
              // worker round trip is needed to register (a down stops every container at once).
              Future<ContainerState> exit = exitOf(r.id());
              boolean now = grace != null && grace.isZero();
              lifecycle.signal(r, now ? Signals.SIGKILL : Signals.parse(r.stopSignal()));
              return new Stopping(r, exit);
            })
        .compose(
            s -> {
              if (s.exit() == null) {
                return Future.succeededFuture(s.record().toState());
              }
              Duration wait =
                  grace != null ? grace : Duration.ofMillis(s.record().stopGraceMillis());
              return exitWithin(s.exit(), wait)
                  .compose(
                      exited ->
                          exited
                              ? s.exit()
                              : withRecord(
                                      id,
                                      cur -> {
                                        if (cur.alive()) {
                                          lifecycle.signal(cur, Signals.SIGKILL);
                                        }
                                        return cur;
                                      })
                                  .compose(cur -> s.exit()));
            });
  }

  /** A stop under way: the record when the signal went, and its exit (null: it had exited). */
  private record Stopping(ContainerRecord record, Future<ContainerState> exit) {}

  /** Completes with true once {@code exit} completed, or false after the timeout. */
  private Future<Boolean> exitWithin(Future<ContainerState> exit, Duration timeout) {
    Promise<Boolean> result = Promise.promise();
    long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), t -> result.tryComplete(false));
    exit.onComplete(
        ar -> {
          vertx.cancelTimer(timer);
          result.tryComplete(true);
        });
    return result.future();
  }

  @Override
  public Future<Void> kill(String id, String signal) {
    int number = Signals.parse(signal == null ? "SIGKILL" : signal);
    return withRecord(
        id,
        r -> {
          if (!r.alive()) {
            throw new ConflictException("container " + r.name() + " is not running");
          }
          lifecycle.signal(r, number);
          return null;
        });
  }

  @Override
  public Future<Void> remove(String id, boolean force) {
    // A stopped container (as in down, after its stop) goes in one worker round trip.
    return withRecord(
            id,
            r -> {
              if (!r.alive()) {
                removeStopped(r);
                return null;
              }
              if (!force) {
                throw new ConflictException(
                    "container " + r.name() + " is running: stop it first or remove it with force");
              }
              return r.id();
            })
        .compose(
            running ->
                running == null
                    ? Future.<Void>succeededFuture()
                    : stop(running, Duration.ZERO)
                        .compose(
                            st ->
                                blocking(
                                    () -> {
                                      ContainerRecord cur = records.get(running);
                                      if (cur != null) {
                                        synchronized (lock(running)) {
                                          removeStopped(refreshed(cur));
                                        }
                                      }
                                      return null;
                                    })));
  }

  /** Under the container's lock, with its record fresh: everything of it goes. */
  private void removeStopped(ContainerRecord r) {
    watcher.unwatch(r.id());
    lifecycle.remove(r);
    records.remove(r.id());
    failWaiters(
        r.id(), new NotFoundException("container " + r.name() + " was removed while waited on"));
  }

  @Override
  public Future<ContainerState> inspect(String idOrName) {
    return withRecord(idOrName, ContainerRecord::toState);
  }

  // Answered from the in-memory records (a concurrent map), so no worker hop: the stores call these
  // from their own workers and wait on the result.
  @Override
  public Future<Boolean> usesImage(String imageId) {
    return Future.succeededFuture(
        records.values().stream().anyMatch(r -> imageId.equals(r.imageId())));
  }

  @Override
  public Future<Boolean> usesVolume(String volumeName) {
    return Future.succeededFuture(
        records.values().stream().anyMatch(r -> r.volumes().contains(volumeName)));
  }

  @Override
  public Future<List<ContainerState>> list(Map<String, String> labelFilter) {
    return blocking(
        () -> {
          List<ContainerState> out = new ArrayList<>();
          for (ContainerRecord r : records.values()) {
            if (r.labels().entrySet().containsAll(labelFilter.entrySet())) {
              ContainerRecord now = refreshed(r);
              out.add(now.toState());
            }
          }
          out.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
          return out;
        });
  }

  @Override
  public Future<ExecResult> exec(String id, ExecSpec exec) {
    return findAsync(id)
        .compose(
            r -> {
              if (r.status() == ContainerStatus.PAUSED) {
                return Future.failedFuture(
                    new ConflictException(
                        "container " + r.name() + " is paused: unpause it first"));
              }
              if (!r.alive()) {
                return Future.failedFuture(
                    new ConflictException("container " + r.name() + " is not running"));
              }
              // Unordered: a long exec must not hold up other containers' work.
              return blocking(() -> shim.exec(store.dir(r.id()).path(), exec));
            });
  }

  @Override
  public Future<io.jcompose.runtime.api.AttachedExec> execAttached(String id, ExecSpec exec) {
    return findAsync(id)
        .compose(
            r -> {
              if (!r.alive() || r.status() == ContainerStatus.PAUSED) {
                return Future.failedFuture(
                    new ConflictException(
                        "container " + r.name() + " is not running (or paused): start it first"));
              }
              return blocking(() -> shim.execAttached(store.dir(r.id()).path(), exec))
                  .map(
                      p ->
                          new io.jcompose.runtime.api.AttachedExec(
                              p.getOutputStream(),
                              p.getInputStream(),
                              p.getErrorStream(),
                              // Waits without holding a worker thread for the whole session.
                              Future.fromCompletionStage(p.onExit(), vertx.getOrCreateContext())
                                  .map(Process::exitValue),
                              exec.tty()
                                  ? ExecTerminal.resizer(p)
                                  : io.jcompose.runtime.api.AttachedExec.Resizer.NONE));
            });
  }

  @Override
  public Future<io.jcompose.runtime.api.AttachedExec> startAttached(
      String id, int columns, int lines) {
    return withRecord(
            id,
            r -> {
              if (r.alive()) {
                throw new ConflictException(
                    "container " + r.name() + " is already running; attach needs a fresh start");
              }
              AttachedStdio stdio =
                  BundleTerminal.wanted(store.dir(r.id()).config())
                      ? AttachedStdio.terminal(columns, lines)
                      : AttachedStdio.pipes();
              try {
                ContainerRecord started = lifecycle.start(r, stdio.shimArgs());
                stdio.closeContainerEnds();
                records.put(started.id(), started);
                watcher.watch(
                    started.id(),
                    store.dir(started.id()).path(),
                    started.shimPid(),
                    started.shimStartTicks());
                return stdio;
              } catch (RuntimeException e) {
                stdio.close();
                throw e;
              }
            })
        .map(
            stdio ->
                new io.jcompose.runtime.api.AttachedExec(
                    stdio.stdin(),
                    stdio.stdout(),
                    stdio.stderr(),
                    waitForExit(id).map(ContainerState::exitCode),
                    stdio::resize));
  }

  @Override
  public Future<LogStream> logs(String id, LogOptions options, Handler<LogLine> sink) {
    return findAsync(id)
        .compose(
            r ->
                new ContainerLogs(
                        vertx,
                        store.dir(r.id()).path(),
                        () -> records.containsKey(r.id()) && refreshed(records.get(r.id())).alive())
                    .start(options, sink));
  }

  @Override
  public Future<ContainerState> waitForExit(String id) {
    return findAsync(id)
        .compose(
            r -> {
              Future<ContainerState> exit = exitOf(r.id());
              // The exit may have happened before the waiter was registered.
              onExit(r.id());
              return exit;
            });
  }

  /** A waiter for the next exit of the container {@code id} that settles (see {@link #onExit}). */
  private Future<ContainerState> exitOf(String id) {
    Promise<ContainerState> p = Promise.promise();
    // Added inside compute: an exit being settled on another event loop removes the list either
    // before (a new one is made) or after the add, never between the two.
    waiters.compute(
        id,
        (k, ps) -> {
          List<Promise<ContainerState>> list =
              ps != null ? ps : new java.util.concurrent.CopyOnWriteArrayList<>();
          list.add(p);
          return list;
        });
    return p.future();
  }

  @Override
  public Future<Void> pause(String id) {
    return withRecord(
        id,
        r -> {
          records.put(r.id(), lifecycle.pause(r));
          return null;
        });
  }

  @Override
  public Future<Void> unpause(String id) {
    return withRecord(
        id,
        r -> {
          records.put(r.id(), lifecycle.unpause(r));
          return null;
        });
  }

  @Override
  public Future<ContainerStats> stats(String id) {
    return withRecord(id, r -> cgroups.of(r.id()).stats());
  }

  @Override
  public void close() {
    watcher.close();
    shim.close();
  }

  /** Called on the event loop when a container may have exited: settles its state and waiters. */
  private void onExit(String id) {
    ContainerRecord r = records.get(id);
    if (r == null) {
      failWaiters(id, new NotFoundException("container " + id + " was removed while waited on"));
      return;
    }
    blocking(() -> refreshed(r))
        .onSuccess(
            now -> {
              if (!now.alive()) {
                watcher.unwatch(id);
                List<Promise<ContainerState>> ps = waiters.remove(id);
                if (ps != null) {
                  ps.forEach(p -> p.tryComplete(now.toState()));
                }
              }
            })
        // A waiter told why is better than one that waits for ever.
        .onFailure(e -> failWaiters(id, e));
  }

  private void failWaiters(String id, Throwable cause) {
    List<Promise<ContainerState>> ps = waiters.remove(id);
    if (ps != null) {
      ps.forEach(p -> p.tryFail(cause));
    }
  }

  /** The pid of a running container by id or name, or 0 (unknown, stopped, paused or not). */
  private int runningPid(String idOrName) {
    try {
      ContainerRecord r = refreshed(find(idOrName));
      return r.alive() ? r.pid() : 0;
    } catch (NotFoundException e) {
      return 0;
    }
  }

  /** The record with its status brought up to date (exit recorded by the shim, dead shim). */
  private ContainerRecord refreshed(ContainerRecord r) {
    synchronized (lock(r.id())) {
      ContainerRecord cur = records.getOrDefault(r.id(), r);
      ContainerRecord now = lifecycle.refresh(cur);
      if (now != cur) {
        records.put(now.id(), now);
      }
      return now;
    }
  }

  private interface RecordAction<T> {
    T apply(ContainerRecord r) throws Exception;
  }

  /** Runs an action on a worker with the container's lock held and its state fresh. */
  private <T> Future<T> withRecord(String idOrName, RecordAction<T> action) {
    return blocking(
        () -> {
          ContainerRecord r = find(idOrName);
          synchronized (lock(r.id())) {
            return action.apply(refreshed(r));
          }
        });
  }

  private Future<ContainerRecord> findAsync(String idOrName) {
    return blocking(() -> refreshed(find(idOrName)));
  }

  @Override
  public io.jcompose.runtime.api.LogAppender logAppender(String id) {
    return new io.jcompose.runtime.shim.LogFileAppender(store.dir(find(id).id()).path());
  }

  private ContainerRecord find(String idOrName) {
    ContainerRecord r = records.get(idOrName);
    if (r != null) {
      return r;
    }
    r = byName(idOrName);
    if (r != null) {
      return r;
    }
    List<ContainerRecord> prefixed =
        records.values().stream()
            .filter(c -> !idOrName.isEmpty() && c.id().startsWith(idOrName))
            .toList();
    if (prefixed.size() == 1) {
      return prefixed.get(0);
    }
    throw new NotFoundException("no such container: " + idOrName);
  }

  private ContainerRecord byName(String name) {
    String bare = name.startsWith("/") ? name.substring(1) : name;
    return records.values().stream().filter(c -> c.name().equals(bare)).findFirst().orElse(null);
  }

  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  private Object lock(String id) {
    return locks.computeIfAbsent(id, k -> new Object());
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return vertx
        .executeBlocking(work, false)
        .recover(
            e ->
                Future.failedFuture(
                    e instanceof RuntimeFailure
                        ? e
                        : new RuntimeFailure(String.valueOf(e.getMessage()), e)));
  }

  /** Our own bounding set: a container can get no capability we do not have. */
  private static long availableCaps() {
    // Read to EOF: procfs reports size 0, which size-based readers may trust.
    try (var in = Files.newInputStream(Path.of("/proc/self/status"))) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (line.startsWith("CapBnd:")) {
          return Long.parseUnsignedLong(line.substring(7).trim(), 16);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Fall through: assume every capability, the shim reports what the kernel refuses.
    }
    return -1L;
  }
}
