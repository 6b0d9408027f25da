package io.jcompose.runtime.image;

import io.jcompose.runtime.api.ImageStore;
import io.jcompose.runtime.api.ImageStores;
import io.jcompose.runtime.api.RuntimePaths;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A store in a temp directory, with a settable set of in-use image ids, and a blocking await. */
final class StoreFixture implements AutoCloseable {

  final Vertx vertx = Vertx.vertx();
  final Set<String> inUse = ConcurrentHashMap.newKeySet();
  final RuntimePaths paths;
  final ImageStore store;

  StoreFixture(Path dir) {
    this.paths = new RuntimePaths(dir.resolve("root"), dir.resolve("run"));
    this.store = ImageStores.open(vertx, paths, inUse::contains);
  }

  /** Reopens the store on the same directory (what a daemon restart does). */
  ImageStore reopen() {
    return ImageStores.open(vertx, paths, inUse::contains);
  }

  /** The future's value; its failure rethrown as is (RuntimeFailure and friends). */
  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new AssertionError(e.getCause());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    await(vertx.close());
  }
}
