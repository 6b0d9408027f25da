package io.jcompose.runtime.registry;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Streams one response body into a {@link PartialBlob}, one buffer list at a time (the HTTP client
 * only delivers the next chunk after this one is on disk, so nothing piles up in memory). Stops
 * early when the pull was cancelled or the body runs past the blob's declared size.
 */
final class BlobSink implements HttpResponse.BodySubscriber<Void> {

  private static final long REPORT_EVERY = 256 * 1024;

  private final PartialBlob blob;
  private final long expectedSize;
  private final LongConsumer progress;
  private final BooleanSupplier cancelled;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private Flow.Subscription subscription;
  private long lastReported = -1;

  BlobSink(PartialBlob blob, long expectedSize, LongConsumer progress, BooleanSupplier cancelled) {
    this.blob = blob;
    this.expectedSize = expectedSize;
    this.progress = progress;
    this.cancelled = cancelled;
  }

  @Override
  public CompletionStage<Void> getBody() {
    return done;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
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
