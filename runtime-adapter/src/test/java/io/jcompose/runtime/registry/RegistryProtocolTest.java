package io.jcompose.runtime.registry;

import static io.jcompose.runtime.registry.OciLayoutWriter.Entry.random;
import static io.jcompose.runtime.registry.RegistryPullIT.AMD64;
import static io.jcompose.runtime.registry.RegistryPullIT.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.runtime.api.ImagePuller;
import io.jcompose.runtime.api.ImagePullers;
import io.jcompose.runtime.api.PullProgress;
import io.jcompose.runtime.api.PullProgress.Phase;
import io.jcompose.runtime.api.PullerOptions;
import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.runtime.registry.OciLayoutWriter.Blob;
import io.jcompose.runtime.registry.OciLayoutWriter.Compression;
import io.jcompose.runtime.registry.OciLayoutWriter.Layer;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retry, resume and limits against a scripted registry on 127.0.0.1. */
class RegistryProtocolTest {

  static Vertx vertx;
  static OciLayoutWriter layout;
  static Layer layer;
  static Blob image;

  @TempDir static Path shared;
  @TempDir Path root;

  @BeforeAll
  static void build() throws Exception {
    vertx = Vertx.vertx();
    layout = new OciLayoutWriter(shared.resolve("layout"));
    layer = layout.layer(Compression.NONE, List.of(random("r", 2 << 20)));
    image = layout.image("amd64", List.of(layer));
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  ImagePuller puller(FakeImageStore store, int attempts) {
    return ImagePullers.create(
        vertx, store, PullerOptions.defaults().withRetries(attempts, Duration.ofMillis(10)));
  }

  boolean isLayer(io.vertx.core.http.HttpServerRequest req) {
    return req.path().endsWith(layer.blob().digest());
  }

  @Test
  void serverErrors_areRetriedWithBackoff() throws Exception {
    AtomicInteger failures = new AtomicInteger();
    try (FakeRegistryServer server =
        new FakeRegistryServer(
            vertx,
            layout,
            image.digest(),
            req -> {
              if ((req.path().contains("/manifests/") || isLayer(req))
                  && failures.getAndIncrement() < 2) {
                req.response().setStatusCode(503).end("busy");
                return true;
              }
              return false;
            })) {
      FakeImageStore store = new FakeImageStore(root);

      var pulled = await(puller(store, 4).pull(server.host() + "/a/b:1", AMD64, e -> {}));

      assertThat(pulled.repoDigests()).containsExactly(image.digest());
      assertThat(failures.get()).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void serverErrors_giveUpAfterMaxAttemptsWithTheStatus() throws Exception {
    try (FakeRegistryServer server =
        new FakeRegistryServer(
            vertx,
            layout,
            image.digest(),
            req -> {
              req.response().setStatusCode(502).end("bad gateway");
              return true;
            })) {
      String ref = server.host() + "/a/b:1";

      assertThatThrownBy(() -> await(puller(new FakeImageStore(root), 3).pull(ref, AMD64, e -> {})))
          .isInstanceOf(RuntimeFailure.class)
          .hasMessage(
              ref
                  + ": registry "
                  + server.host()
                  + " answered HTTP 502: bad gateway (gave up after retries; try again later)");
      assertThat(server.requests).hasSize(3);
    }
  }

  @Test
  void cutConnection_thenServerIgnoringRange_restartsFromZero() throws Exception {
    AtomicInteger blobRequests = new AtomicInteger();
    Path blob = layout.blobPath(layer.blob().digest());
    try (FakeRegistryServer server =
        new FakeRegistryServer(
            vertx,
            layout,
            image.digest(),
            req -> {
              if (!isLayer(req)) {
                return false;
              }
              if (blobRequests.getAndIncrement() == 0) {
                FakeRegistryServer.cutAfter(req, blob, 700_000);
              } else {
                req.response().sendFile(blob.toString()); // 200, whole blob, Range ignored
              }
              return true;
            })) {
      FakeImageStore store = new FakeImageStore(root);
      List<PullProgress> events = new CopyOnWriteArrayList<>();

      await(puller(store, 3).pull(server.host() + "/a/b:1", AMD64, events::add));

      assertThat(server.requests).anyMatch(r -> r.endsWith("bytes=700000-"));
      assertThat(store.blob(layer.blob().digest())).hasSameBinaryContentAs(blob);
      assertThat(events).extracting(PullProgress::phase).contains(Phase.RETRYING);
    }
  }

  @Test
  void cutConnection_resumesWith206AndAppends() throws Exception {
    AtomicInteger blobRequests = new AtomicInteger();
    Path blob = layout.blobPath(layer.blob().digest());
    try (FakeRegistryServer server =
        new FakeRegistryServer(
            vertx,
            layout,
            image.digest(),
            req -> {
              if (isLayer(req) && blobRequests.getAndIncrement() == 0) {
                FakeRegistryServer.cutAfter(req, blob, 1_000_000);
                return true;
              }
              return false;
            })) {
      FakeImageStore store = new FakeImageStore(root);

      await(puller(store, 3).pull(server.host() + "/a/b:1", AMD64, e -> {}));

      assertThat(server.requests).anyMatch(r -> r.endsWith("bytes=1000000-"));
      assertThat(store.blob(layer.blob().digest())).hasSameBinaryContentAs(blob);
    }
  }

  @Test
  void hugeManifest_isRejectedWithoutBufferingIt() throws Exception {
    try (FakeRegistryServer server =
        new FakeRegistryServer(
            vertx,
            layout,
            image.digest(),
            req -> {
              if (req.path().contains("/manifests/")) {
                req.response().sendFile(layout.blobPath(layer.blob().digest()).toString()); // 2 MiB
                return true;
              }
              return false;
            })) {
      String ref = server.host() + "/a/b:1";
      try (FakeRegistryServer big =
          new FakeRegistryServer(
              vertx,
              layout,
              image.digest(),
              req -> {
                if (req.path().contains("/manifests/")) {
                  req.response().setChunked(true);
                  byte[] chunk = new byte[1 << 20];
                  for (int i = 0; i < 6; i++) {
                    req.response().write(io.vertx.core.buffer.Buffer.buffer(chunk));
                  }
                  req.response().end();
                  return true;
                }
                return false;
              })) {
        String bigRef = big.host() + "/a/b:1";

        assertThatThrownBy(
                () -> await(puller(new FakeImageStore(root), 3).pull(bigRef, AMD64, e -> {})))
            .isInstanceOf(RuntimeFailure.class)
            .hasMessage(
                bigRef
                    + ": registry "
                    + big.host()
                    + " sent a manifest that is not one (the response is larger than 4 MiB); rejected");
        assertThat(big.requests).hasSize(1);
      }
      // 2 MiB of random bytes is under the limit and fails as "not JSON" instead.
      assertThatThrownBy(() -> await(puller(new FakeImageStore(root), 3).pull(ref, AMD64, e -> {})))
          .hasMessageContaining("not JSON");
    }
  }

  @Test
  void concurrentPullsOfOneLayer_downloadItOnce() throws Exception {
    try (FakeRegistryServer server =
        new FakeRegistryServer(
            vertx,
            layout,
            image.digest(),
            req -> {
              if (isLayer(req)) {
                // Slow enough that the second pull finds the first one's download in flight.
                req.pause();
                vertx.setTimer(
                    500,
                    t -> {
                      req.resume();
                      req.response().sendFile(layout.blobPath(layer.blob().digest()).toString());
                    });
                return true;
              }
              return false;
            })) {
      FakeImageStore store = new FakeImageStore(root);
      ImagePuller puller = puller(store, 3);

      var first = puller.pull(server.host() + "/a/b:1", AMD64, e -> {});
      var second = puller.pull(server.host() + "/a/c:2", AMD64, e -> {});
      await(first);
      await(second);

      assertThat(server.requests).filteredOn(r -> r.contains(layer.blob().digest())).hasSize(1);
      assertThat(store.tags).hasSize(2);
    }
  }

  @Test
  void notFoundBlob_namesTheBrokenImage() throws Exception {
    try (FakeRegistryServer server =
        new FakeRegistryServer(
            vertx,
            layout,
            image.digest(),
            req -> {
              if (isLayer(req)) {
                req.response().setStatusCode(404).end("{\"errors\":[{\"code\":\"BLOB_UNKNOWN\"}]}");
                return true;
              }
              return false;
            })) {
      FakeImageStore store = new FakeImageStore(root);

      assertThatThrownBy(
              () -> await(puller(store, 3).pull(server.host() + "/a/b:1", AMD64, e -> {})))
          .isInstanceOf(io.jcompose.runtime.api.NotFoundException.class)
          .hasMessageContaining(
              "blob " + layer.blob().digest() + " is missing from registry " + server.host());
      assertThat(store.downloadDir()).isEmptyDirectory();
      assertThat(store.tags).isEmpty();
    }
  }
}
