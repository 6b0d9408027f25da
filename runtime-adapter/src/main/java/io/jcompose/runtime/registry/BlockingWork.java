package io.jcompose.runtime.registry;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool of daemon threads for blocking registry I/O, whose results come back as Vert.x
 * futures on the caller's context. The bound is what limits parallel downloads.
 */
final class BlockingWork {

  private final ExecutorService pool;

  BlockingWork(String name, int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, name + "-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    // Idle pullers hold no threads.
    executor.allowCoreThreadTimeOut(true);
    this.pool = executor;
  }

  /** Runs {@code task} on the pool; the future completes on {@code context}. */
  <T> Future<T> submit(Context context, Callable<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    pool.execute(
        () -> {
          try {
            result.complete(task.call());
          } catch (Throwable t) {
            if (t instanceof InterruptedException) {
              Thread.currentThread().interrupt();
            }
            result.completeExceptionally(t);
          }
        });
    return Future.fromCompletionStage(result, context);
  }
}
