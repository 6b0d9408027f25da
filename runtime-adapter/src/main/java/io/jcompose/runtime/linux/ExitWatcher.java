package io.jcompose.runtime.linux;

import io.jcompose.runtime.shim.ShimExit;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Notices containers exiting: an inotify watch on each running container's directory sees the
 * shim's {@code exit.json} appear at once; a slow sweep catches a shim that died without writing
 * it. The callback runs on a Vert.x context and may be called more than once per exit.
 */
final class ExitWatcher implements AutoCloseable {
  private static final long SWEEP_MILLIS = 1000;

  private record Watched(Path dir, int shimPid, long shimStartTicks, WatchKey key) {}

  private final Vertx vertx;
  private final Consumer<String> onExit;
  private final WatchService service;
  private final Map<String, Watched> watched = new ConcurrentHashMap<>();
  private final Thread thread;
  private final long timer;

  ExitWatcher(Vertx vertx, Consumer<String> onExit) {
    this.vertx = vertx;
    this.onExit = onExit;
    try {
      this.service = FileSystems.getDefault().newWatchService();
    } catch (IOException e) {
      throw new IllegalStateException("creating a file watch service", e);
    }
    this.thread = new Thread(this::loop, "jcompose-exit-watcher");
    thread.setDaemon(true);
    thread.start();
    this.timer = vertx.setPeriodic(SWEEP_MILLIS, t -> sweep());
  }

  /** Starts watching a running container. */
  void watch(String id, Path dir, int shimPid, long shimStartTicks) {
    try {
      WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE);
      watched.put(id, new Watched(dir, shimPid, shimStartTicks, key));
    } catch (IOException e) {
      // The sweep still notices the exit, only later.
      watched.put(id, new Watched(dir, shimPid, shimStartTicks, null));
    }
    if (Files.exists(dir.resolve(ShimExit.FILE))) {
      notify(id);
    }
  }

  /** Stops watching (after the exit was handled, or on remove). */
  void unwatch(String id) {
    Watched w = watched.remove(id);
    if (w != null && w.key() != null) {
      w.key().cancel();
    }
  }

  private void loop() {
    try {
      for (; ; ) {
        WatchKey key = service.take();
        for (WatchEvent<?> event : key.pollEvents()) {
          if (event.context() instanceof Path p && p.toString().equals(ShimExit.FILE)) {
            watched.forEach(
                (id, w) -> {
                  if (w.key() == key) {
                    notify(id);
                  }
                });
          }
        }
        key.reset();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // Closed: the runtime is shutting down.
    }
  }

  private void sweep() {
    watched.forEach(
        (id, w) -> {
          if (Files.exists(w.dir().resolve(ShimExit.FILE))
              || !ProcessTable.alive(w.shimPid(), w.shimStartTicks())) {
            notify(id);
          }
        });
  }

  private void notify(String id) {
    vertx.runOnContext(v -> onExit.accept(id));
  }

  @Override
  public void close() {
    vertx.cancelTimer(timer);
    try {
      service.close();
    } catch (IOException e) {
      // Nothing is left to release.
    }
  }
}
