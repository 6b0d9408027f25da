package io.jcompose.scheduler.daemon;

import io.jcompose.scheduler.api.EngineJson;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One running daemon: holds the run directory's lock, serves the API on the socket, records its
 * pid, and on stop releases all of it again. Containers are not touched by stopping.
 */
public final class Daemon {

  private static final String LOCK_NAME = "jcompose.lock";

  private final DaemonConfig config;
  private final Vertx vertx;
  private final FileChannel lockChannel;
  // Not a Vert.x promise: it completes after Vert.x itself has closed.
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final ApiRoutes routes = new ApiRoutes();
  private ApiServer server;

  private Daemon(DaemonConfig config, Vertx vertx, FileChannel lockChannel) {
    this.config = config;
    this.vertx = vertx;
    this.lockChannel = lockChannel;
  }

  /**
   * Starts a daemon. Fails with a one-line message when another daemon holds the run directory or
   * the socket cannot be bound.
   */
  public static Future<Daemon> start(DaemonConfig config) {
    FileChannel lock;
    try {
      lock = lockRunDirectory(config.paths().run());
    } catch (IOException e) {
      return Future.failedFuture(
          new IllegalStateException(
              "cannot prepare " + config.paths().run() + ": " + e.getMessage(), e));
    } catch (IllegalStateException e) {
      return Future.failedFuture(e);
    }
    Vertx vertx = Vertx.vertx();
    Daemon daemon = new Daemon(config, vertx, lock);
    return daemon
        .open()
        .map(v -> daemon)
        .recover(e -> daemon.close().transform(x -> Future.failedFuture(e)));
  }

  private Future<Void> open() {
    Path socket = config.paths().socket();
    server = new ApiServer(vertx, routes, EngineJson.mapper(), config.version(), this::requestStop);
    return config
        .backend()
        .start(vertx, config.paths())
        .compose(
            v -> {
              config.backend().register(routes);
              return deleteStale(socket);
            })
        .compose(v -> server.listen(socket))
        .compose(
            v ->
                vertx.executeBlocking(
                    () -> {
                      Files.setPosixFilePermissions(
                          socket, PosixFilePermissions.fromString("rw-rw----"));
                      PidFile.write(pidFile(), ProcessHandle.current().pid());
                      return null;
                    }));
  }

  /** Completes when the daemon has been stopped (by the API, a signal or {@link #close()}). */
  public Future<Void> stopped() {
    return Future.fromCompletionStage(stopped);
  }

  /** The daemon's Vert.x instance (for wiring that needs it). */
  public Vertx vertx() {
    return vertx;
  }

  private void requestStop() {
    close();
  }

  /** Stops serving: closes the server and the backend, removes the socket and pid file. */
  public Future<Void> close() {
    if (stopping.compareAndSet(false, true)) {
      Future<Void> serverClosed = server == null ? Future.succeededFuture() : server.close();
      serverClosed
          .transform(v -> config.backend().close())
          .onComplete(
              v -> {
                removeRunFiles();
                vertx.close().toCompletionStage().whenComplete((x, e) -> stopped.complete(null));
              });
    }
    return stopped();
  }

  private void removeRunFiles() {
    try {
      Files.deleteIfExists(config.paths().socket());
      Files.deleteIfExists(pidFile());
      lockChannel.close();
    } catch (IOException e) {
      // Leftovers are harmless: the next daemon replaces a stale socket and pid file.
    }
  }

  private Path pidFile() {
    return config.paths().run().resolve(PidFile.NAME);
  }

  private Future<Void> deleteStale(Path socket) {
    // We hold the run directory's lock, so a socket file left here belongs to a dead daemon.
    return vertx.executeBlocking(
        () -> {
          Files.deleteIfExists(socket);
          return null;
        });
  }

  private static FileChannel lockRunDirectory(Path run) throws IOException {
    Files.createDirectories(run);
    FileChannel channel =
        FileChannel.open(
            run.resolve(LOCK_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // Held by another daemon in this same JVM (tests).
      lock = null;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      String pid =
          PidFile.readAlive(run.resolve(PidFile.NAME)).stream()
              .mapToObj(p -> " (pid " + p + ")")
              .findFirst()
              .orElse("");
      throw new IllegalStateException(
          "another jcompose daemon"
              + pid
              + " already serves "
              + run
              + "; stop it with `jcompose daemon stop`");
    }
    return channel;
  }
}
