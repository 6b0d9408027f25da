package io.jcompose.runtime.registry;

import static io.jcompose.runtime.registry.OciLayoutWriter.Entry.file;
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
import io.jcompose.runtime.api.RegistryCredentials;
import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.runtime.registry.OciLayoutWriter.Blob;
import io.jcompose.runtime.registry.OciLayoutWriter.Compression;
import io.jcompose.runtime.registry.OciLayoutWriter.Layer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken connections, corrupted blobs, a full disk and redirects, against real servers on loopback.
 */
class RegistryFaultsIT {

  static Vertx vertx;
  static LoopbackRegistry registry;
  static OciLayoutWriter layout;
  static Blob image;
  static Layer big;

  @TempDir static Path shared;
  @TempDir Path root;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    layout = new OciLayoutWriter(shared.resolve("layout"));
    big = layout.layer(Compression.NONE, List.of(random("data.bin", 16L << 20)));
    Layer small = layout.layer(Compression.GZIP, List.of(file("small", "s\n")));
    image = layout.image("amd64", List.of(small, big));
    layout.tag("1", image);
    registry = LoopbackRegistry.start(shared.resolve("registry"), new LoopbackRegistry.NoAuth());
    registry.push(layout.dir(), "1", "test/big", false, null);
  }

  @AfterAll
  static void stop() {
    registry.close();
    vertx.close();
  }

  ImagePuller puller(FakeImageStore store, PullerOptions options) {
    return ImagePullers.create(vertx, store, options.withRetries(4, Duration.ofMillis(20)));
  }

  @Test
  void brokenConnectionMidBlob_resumesWithRangeAndVerifies() throws Exception {
    FakeImageStore store = new FakeImageStore(root);
    List<PullProgress> events = new CopyOnWriteArrayList<>();
    try (FaultyProxy proxy =
        new FaultyProxy(registry.port(), FaultyProxy.Fault.CUT_ONCE, 5L << 20)) {

      var pulled =
          await(
              puller(store, PullerOptions.defaults())
                  .pull(proxy.host() + "/test/big:1", AMD64, events::add));

      assertThat(proxy.faults).hasValue(1);
      assertThat(proxy.requests()).containsPattern("(?i)range: bytes=[1-9][0-9]*-");
      assertThat(pulled.repoDigests()).containsExactly(image.digest());
      assertThat(store.blob(big.blob().digest()))
          .hasSameBinaryContentAs(layout.blobPath(big.blob().digest()));
      assertThat(events).extracting(PullProgress::phase).contains(Phase.RETRYING);
      assertThat(store.downloadDir()).isEmptyDirectory();
    }
  }

  @Test
  void stalledConnectionMidBlob_isCutAfterTheStallTimeoutAndResumed() throws Exception {
    FakeImageStore store = new FakeImageStore(root);
    List<PullProgress> events = new CopyOnWriteArrayList<>();
    try (FaultyProxy proxy =
        new FaultyProxy(registry.port(), FaultyProxy.Fault.STALL_ONCE, 5L << 20)) {
      PullerOptions options = PullerOptions.defaults().withStallTimeout(Duration.ofSeconds(1));

      var pulled =
          await(puller(store, options).pull(proxy.host() + "/test/big:1", AMD64, events::add));

      assertThat(proxy.faults).hasValue(1);
      assertThat(pulled.repoDigests()).containsExactly(image.digest());
      assertThat(events).extracting(PullProgress::phase).contains(Phase.RETRYING);
      assertThat(proxy.requests()).containsPattern("(?i)range: bytes=[1-9][0-9]*-");
    }
  }

  @Test
  void corruptedBlob_isRejectedAndNothingIsStored() throws Exception {
    FakeImageStore store = new FakeImageStore(root);
    try (FaultyProxy proxy =
        new FaultyProxy(registry.port(), FaultyProxy.Fault.CORRUPT, 5L << 20)) {

      assertThatThrownBy(
              () ->
                  await(
                      puller(store, PullerOptions.defaults())
                          .pull(proxy.host() + "/test/big:1", AMD64, e -> {})))
          .isInstanceOf(RuntimeFailure.class)
          .hasMessageStartingWith(
              proxy.host() + "/test/big:1: layer " + big.blob().digest().substring(7, 19))
          .hasMessageContaining("downloaded content has digest sha256:")
          .hasMessageContaining("instead of " + big.blob().digest() + "; rejected");

      assertThat(store.tags).isEmpty();
      assertThat(store.blob(big.blob().digest())).doesNotExist();
      assertThat(store.downloadDir()).isEmptyDirectory();
    }
  }

  @Test
  void fullDisk_failsWithOneLineAndLeavesNoPartialFile() throws Exception {
    Path small = Files.createDirectories(root.resolve("small"));
    Process mount =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", small.toString())
            .redirectErrorStream(true)
            .start();
    Assumptions.assumeTrue(
        mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0, "cannot mount a tmpfs here");
    try {
      FakeImageStore store = new FakeImageStore(small);

      assertThatThrownBy(
              () ->
                  await(
                      puller(store, PullerOptions.defaults())
                          .pull(registry.host() + "/test/big:1", AMD64, e -> {})))
          .isInstanceOf(RuntimeFailure.class)
          .hasMessage(
              "cannot write the download to "
                  + store.downloadDir()
                  + ": No space left on device; free disk space and pull again");

      assertThat(store.downloadDir()).isEmptyDirectory();
      assertThat(store.tags).isEmpty();
    } finally {
      new ProcessBuilder("umount", small.toString()).start().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void redirectToAnotherHost_dropsAuthorization() throws Exception {
    List<String> blobAuth = new CopyOnWriteArrayList<>();
    String basic = "Basic " + Base64.getEncoder().encodeToString("u:p".getBytes());
    Blob tiny =
        layout.image("amd64", List.of(layout.layer(Compression.GZIP, List.of(file("x", "y\n")))));
    HttpServer blobs =
        listen(
            vertx
                .createHttpServer()
                .requestHandler(
                    req -> {
                      blobAuth.add(String.valueOf(req.getHeader("Authorization")));
                      req.response()
                          .sendFile(
                              layout
                                  .blobPath(req.path().substring(req.path().lastIndexOf('/') + 1))
                                  .toString());
                    }));
    HttpServer front =
        listen(
            vertx
                .createHttpServer()
                .requestHandler(
                    req -> {
                      if (!basic.equals(req.getHeader("Authorization"))) {
                        req.response()
                            .setStatusCode(401)
                            .putHeader("WWW-Authenticate", "Basic realm=\"test\"")
                            .end();
                      } else if (req.path().contains("/manifests/")) {
                        req.response()
                            .putHeader("Content-Type", OciLayoutWriter.OCI_MANIFEST)
                            .sendFile(layout.blobPath(tiny.digest()).toString());
                      } else {
                        req.response()
                            .setStatusCode(307)
                            .putHeader(
                                "Location",
                                "http://localhost:"
                                    + blobs.actualPort()
                                    + "/storage/"
                                    + req.path().substring(req.path().lastIndexOf('/') + 1))
                            .end();
                      }
                    }));
    try {
      FakeImageStore store = new FakeImageStore(root);
      PullerOptions options =
          PullerOptions.defaults()
              .withAuth(r -> java.util.Optional.of(RegistryCredentials.of("u", "p")));

      var pulled =
          await(
              puller(store, options)
                  .pull("127.0.0.1:" + front.actualPort() + "/x/y:1", AMD64, e -> {}));

      assertThat(pulled.repoDigests()).containsExactly(tiny.digest());
      assertThat(blobAuth).hasSize(2).containsOnly("null");
    } finally {
      front.close();
      blobs.close();
    }
  }

  private static HttpServer listen(HttpServer server) throws Exception {
    return server
        .listen(0, "127.0.0.1")
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }
}
