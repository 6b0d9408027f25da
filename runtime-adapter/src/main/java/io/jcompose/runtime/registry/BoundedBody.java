package io.jcompose.runtime.registry;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body in memory up to a limit, so a registry cannot make the client buffer an
 * unbounded "manifest"; past the limit the connection is dropped with {@link TooLarge}.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

  /** Manifests and indexes far above this are not images; registries cap them at 4 MiB too. */
  static final int MANIFEST_LIMIT = 4 << 20;

  private final HttpResponse.BodySubscriber<byte[]> delegate =
      HttpResponse.BodySubscribers.ofByteArray();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final long limit;
  private Flow.Subscription subscription;
  private long received;

  private BoundedBody(long limit) {
    this.limit = limit;
    delegate
        .getBody()
        .whenComplete(
            (b, e) -> {
              if (e != null) {
                result.completeExceptionally(e);
              } else {
                result.complete(b);
              }
            });
  }

  static HttpResponse.BodyHandler<byte[]> handler(long limit) {
    return info -> new BoundedBody(limit);
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    delegate.onSubscribe(s);
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    for (ByteBuffer b : item) {
      received += b.remaining();
    }
    if (received > limit) {
      subscription.cancel();
      result.completeExceptionally(new TooLarge(limit));
      return;
    }
    delegate.onNext(item);
  }

  @Override
  public void onError(Throwable t) {
    delegate.onError(t);
  }

  @Override
  public void onComplete() {
    delegate.onComplete();
  }

  /** The body passed the limit. */
  static final class TooLarge extends IOException {
    TooLarge(long limit) {
      super("the response is larger than " + (limit >> 20) + " MiB");
    }
  }
}
