package io.jcompose.runtime.registry;

import io.jcompose.runtime.api.NotFoundException;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Downloads one blob to a file under the store's download directory, verifying size and sha256
 * while streaming. A broken connection or a 5xx/429 is retried with doubling back-off; a retry asks
 * for the missing tail with {@code Range} and appends when the server answers 206, or starts over
 * when it answers 200. On failure the partial file is gone.
 */
final class BlobDownloader {

  private final int maxAttempts;
  private final Duration firstBackoff;
  private final Duration stallTimeout;

  BlobDownloader(int maxAttempts, Duration firstBackoff, Duration stallTimeout) {
    this.maxAttempts = maxAttempts;
    this.firstBackoff = firstBackoff;
    this.stallTimeout = stallTimeout;
  }

  /**
   * The verified file, ready for {@code ImageStore.putBlob}.
   *
   * @param what names the blob in messages ({@code reference: layer abc123})
   * @param onRetry told before each retry
   */
  Path download(
      RegistryClient client,
      String repository,
      Descriptor blob,
      Path dir,
      String what,
      LongConsumer progress,
      Runnable onRetry,
      BooleanSupplier cancelled)
      throws InterruptedException {
    String hex = blob.digest().substring("sha256:".length());
    Path file = dir.resolve(hex + "." + UUID.randomUUID().toString().substring(0, 8) + ".partial");
    URI uri = client.uri(repository + "/blobs/" + blob.digest());
    String scope = RegistryClient.pullScope(repository);
    PartialBlob partial;
    try {
      partial = new PartialBlob(file);
    } catch (IOException e) {
      throw PullFailures.diskFull(dir, e);
    }
    try (partial) {
      Throwable lastFailure = null;
      for (int attempt = 1; attempt <= maxAttempts; attempt++) {
        if (cancelled.getAsBoolean()) {
          throw new RegistryPuller.CancelledDownload(what);
        }
        if (attempt > 1) {
          onRetry.run();
          Thread.sleep(firstBackoff.toMillis() << Math.min(attempt - 2, 10));
        }
        Map<String, String> headers = new HashMap<>();
        long resumeFrom = partial.written();
        if (resumeFrom > 0) {
          headers.put("Range", "bytes=" + resumeFrom + "-");
        }
        try {
          HttpResponse<byte[]> response =
              client.get(
                  uri,
                  scope,
                  headers,
                  info -> handle(info, partial, blob, progress, cancelled, stallTimeout));
          int status = response.statusCode();
          if (status == 200 || status == 206) {
            return verified(partial, blob, what);
          }
          String body = new String(response.body());
          if (status == 416) {
            partial.reset(); // our offset is past what the server has: start over
            lastFailure = PullFailures.httpError(what, client.registry(), status, body);
          } else if (status >= 500 || status == 429) {
            lastFailure = PullFailures.httpError(what, client.registry(), status, body);
          } else if (status == 404) {
            throw new NotFoundException(
                what
                    + ": blob "
                    + blob.digest()
                    + " is missing from registry "
                    + client.registry()
                    + " (the manifest names it); the image is broken on the registry");
          } else if (status == 401 || status == 403) {
            throw PullFailures.unauthorized(what, client);
          } else {
            throw PullFailures.httpError(what, client.registry(), status, body);
          }
        } catch (IOException e) {
          if (partial.writeFailure() != null) {
            throw PullFailures.diskFull(dir, partial.writeFailure());
          }
          if (hasCause(e, BlobSink.OversizedBlobException.class)) {
            throw new RuntimeFailure(what + ": " + rootMessage(e) + "; rejected");
          }
          lastFailure = e;
        }
      }
      if (lastFailure instanceof RuntimeFailure failure) {
        throw failure;
      }
      throw PullFailures.unreachable(what, client, lastFailure);
    } catch (IOException e) {
      throw PullFailures.diskFull(dir, e);
    }
  }

  /** Picks where a response body goes: into the blob for 200/206, into memory otherwise. */
  private static HttpResponse.BodySubscriber<byte[]> handle(
      HttpResponse.ResponseInfo info,
      PartialBlob partial,
      Descriptor blob,
      LongConsumer progress,
      BooleanSupplier cancelled,
      Duration stallTimeout) {
    int status = info.statusCode();
    if (status != 200 && status != 206) {
      return HttpResponse.BodySubscribers.ofByteArray();
    }
    try {
      if (status == 200 && partial.written() > 0) {
        partial.reset(); // the server ignored Range: take the whole body again
      } else if (status == 206 && rangeStart(info) != partial.written()) {
        partial.reset();
        return failing(new IOException("server resumed at the wrong offset; starting over"));
      }
    } catch (IOException e) {
      return failing(e);
    }
    return HttpResponse.BodySubscribers.mapping(
        new BlobSink(partial, blob.size(), progress, cancelled, stallTimeout), v -> new byte[0]);
  }

  private static long rangeStart(HttpResponse.ResponseInfo info) {
    String range = info.headers().firstValue("Content-Range").orElse("");
    // "bytes 1000-1999/2000"
    try {
      return Long.parseLong(range.replaceFirst("^bytes\\s+", "").split("-")[0].trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static HttpResponse.BodySubscriber<byte[]> failing(IOException e) {
    CompletableFuture<byte[]> failed = CompletableFuture.failedFuture(e);
    return new HttpResponse.BodySubscriber<>() {
      @Override
      public CompletableFuture<byte[]> getBody() {
        return failed;
      }

      @Override
      public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
        s.cancel();
      }

      @Override
      public void onNext(java.util.List<java.nio.ByteBuffer> item) {}

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onComplete() {}
    };
  }

  private static Path verified(PartialBlob partial, Descriptor blob, String what)
      throws IOException {
    long size = partial.written();
    String actual = partial.finish();
    if (blob.size() >= 0 && size != blob.size()) {
      throw new RuntimeFailure(
          what
              + ": received "
              + size
              + " bytes, the manifest declares "
              + blob.size()
              + "; rejected, pull again");
    }
    if (!actual.equals(blob.digest())) {
      throw PullFailures.digestMismatch(what, blob.digest(), actual);
    }
    partial.keep();
    return partial.file();
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
