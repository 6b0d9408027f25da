package io.jcompose.runtime.registry;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Streams one response body into a {@link PartialBlob}, one buffer list at a time (the HTTP client
 * only delivers the next chunk after this one is on disk, so nothing piles up in memory). Stops
 * early when the pull was cancelled, the body runs past the blob's declared size, or no byte
 * arrived for the stall timeout (then the download is retried and resumes).
 */
final class BlobSink implements HttpResponse.BodySubscriber<Void> {

  private static final long REPORT_EVERY = 256 * 1024;
  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "jcompose-download-watchdog");
            t.setDaemon(true);
            return t;
          });

  private final PartialBlob blob;
  private final long expectedSize;
  private final LongConsumer progress;
  private final BooleanSupplier cancelled;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private final Duration stallTimeout;
  private volatile Flow.Subscription subscription;
  private volatile long lastActivity = System.nanoTime();
  private long lastReported = -1;

  BlobSink(
      PartialBlob blob,
      long expectedSize,
      LongConsumer progress,
      BooleanSupplier cancelled,
      Duration stallTimeout) {
    this.blob = blob;
    this.expectedSize = expectedSize;
    this.progress = progress;
    this.cancelled = cancelled;
    this.stallTimeout = stallTimeout;
  }

  @Override
  public CompletionStage<Void> getBody() {
    return done;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    // The HTTP client has no read timeout: a connection that stops sending would hang the pull.
    long period = Math.max(stallTimeout.toMillis() / 4, 10);
    ScheduledFuture<?> check =
        WATCHDOG.scheduleAtFixedRate(this::checkStalled, period, period, TimeUnit.MILLISECONDS);
    done.whenComplete((v, e) -> check.cancel(false));
    s.request(1);
  }

  private void checkStalled() {
    if (!done.isDone() && System.nanoTime() - lastActivity > stallTimeout.toNanos()) {
      fail(new IOException("no data for " + stallTimeout.toSeconds() + " s"));
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    lastActivity = System.nanoTime();
    try {
      blob.write(buffers);
      long written = blob.written();
      if (expectedSize >= 0 && written > expectedSize) {
        fail(new OversizedBlobException(written, expectedSize));
        return;
      }
      if (written - lastReported >= REPORT_EVERY) {
        lastReported = written;
        progress.accept(written);
      }
      if (cancelled.getAsBoolean()) {
        fail(new IOException("pull cancelled"));
        return;
      }
      subscription.request(1);
    } catch (IOException e) {
      fail(e);
    }
  }

  private void fail(IOException e) {
    subscription.cancel();
    done.completeExceptionally(e);
  }

  @Override
  public void onError(Throwable t) {
    done.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    progress.accept(blob.written());
    done.complete(null);
  }

  /** The registry sent more bytes than the manifest declares: not retried. */
  static final class OversizedBlobException extends IOException {
    OversizedBlobException(long written, long expected) {
      super("received " + written + " bytes, the manifest declares " + expected);
    }
  }
}
