package io.jcompose.scheduler.engine;

import io.jcompose.scheduler.api.Subscription;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A subscription over several streams: ends when all have ended, closing closes them all. */
final class StreamSubscription implements Subscription {

  private final Promise<Void> ended = Promise.promise();
  private final List<Runnable> closers = new CopyOnWriteArrayList<>();

  void onClose(Runnable closer) {
    closers.add(closer);
  }

  void endWhen(Future<?> allEnded) {
    allEnded.onComplete(r -> ended.tryComplete());
  }

  @Override
  public Future<Void> ended() {
    return ended.future();
  }

  @Override
  public void close() {
    closers.forEach(Runnable::run);
    ended.tryComplete();
  }
}
