package io.jcompose.runtime.registry;

import static io.jcompose.runtime.registry.OciLayoutWriter.Entry.dir;
import static io.jcompose.runtime.registry.OciLayoutWriter.Entry.file;
import static io.jcompose.runtime.registry.OciLayoutWriter.Entry.opaque;
import static io.jcompose.runtime.registry.OciLayoutWriter.Entry.random;
import static io.jcompose.runtime.registry.OciLayoutWriter.Entry.whiteout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.ImagePuller;
import io.jcompose.runtime.api.ImagePullers;
import io.jcompose.runtime.api.NotFoundException;
import io.jcompose.runtime.api.Platform;
import io.jcompose.runtime.api.PullProgress;
import io.jcompose.runtime.api.PullProgress.Phase;
import io.jcompose.runtime.api.PullerOptions;
import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.runtime.registry.OciLayoutWriter.Blob;
import io.jcompose.runtime.registry.OciLayoutWriter.Compression;
import io.jcompose.runtime.registry.OciLayoutWriter.Layer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls from a real docker-registry on 127.0.0.1, fed by skopeo from layouts built here. */
class RegistryPullIT {

  static final Platform AMD64 = new Platform("linux", "amd64", null);
  static Vertx vertx;
  static LoopbackRegistry registry;
  static OciLayoutWriter layout;
  static Blob multiLayer;
  static Blob amd64;
  static Blob arm64;
  static Blob large;
  static List<Layer> layers;

  @TempDir static Path shared;
  @TempDir Path root;

  @BeforeAll
  static void pushImages() throws Exception {
    vertx = Vertx.vertx();
    layout = new OciLayoutWriter(shared.resolve("layout"));
    Layer base =
        layout.layer(
            Compression.GZIP,
            List.of(
                dir("etc"),
                file("etc/hostname", "base\n"),
                file("etc/gone", "deleted above\n"),
                dir("var/cache"),
                file("var/cache/old", "hidden by opaque\n")));
    Layer top =
        layout.layer(
            Compression.ZSTD,
            List.of(
                whiteout("etc/gone"),
                dir("var/cache"),
                opaque("var/cache"),
                file("var/cache/new", "fresh\n")));
    Layer plain = layout.layer(Compression.NONE, List.of(file("app.txt", "uncompressed\n")));
    layers = List.of(base, top, plain);
    multiLayer = layout.image("amd64", layers);
    layout.tag("multi", multiLayer);

    amd64 =
        layout.image(
            "amd64", List.of(layout.layer(Compression.GZIP, List.of(file("arch", "amd64\n")))));
    arm64 =
        layout.manifest(
            layout.config("arm64", "v8", List.of()),
            List.of(layout.layer(Compression.GZIP, List.of(file("arch", "arm64\n")))));
    layout.tag("multiarch", layout.index(List.of(amd64, arm64), List.of("amd64", "arm64/v8")));

    large =
        layout.image(
            "amd64",
            List.of(layout.layer(Compression.NONE, List.of(random("big.bin", 40L << 20)))));
    layout.tag("large", large);

    registry = LoopbackRegistry.start(shared.resolve("registry"), new LoopbackRegistry.NoAuth());
    registry.push(layout.dir(), "multi", "test/app", false, null);
    registry.push(layout.dir(), "multiarch", "test/multi", true, null);
    registry.push(layout.dir(), "large", "test/large", false, null);
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
    if (vertx != null) {
      vertx.close();
    }
  }

  static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  ImagePuller puller(FakeImageStore store) {
    return ImagePullers.create(
        vertx, store, PullerOptions.defaults().withRetries(3, Duration.ofMillis(50)));
  }

  @Test
  void pull_storesEveryVerifiedBlobAndRegistersTheManifest() throws Exception {
    FakeImageStore store = new FakeImageStore(root);
    List<PullProgress> events = new CopyOnWriteArrayList<>();
    String ref = registry.host() + "/test/app:multi";

    Image image = await(puller(store).pull(ref, AMD64, events::add));

    assertThat(image.repoDigests()).containsExactly(multiLayer.digest());
    assertThat(store.tags).containsEntry(registry.host() + "/test/app:multi", multiLayer.digest());
    for (Layer layer : layers) {
      assertThat(store.blob(layer.blob().digest()))
          .hasSameBinaryContentAs(layout.blobPath(layer.blob().digest()));
    }
    assertThat(events)
        .extracting(PullProgress::phase)
        .contains(Phase.RESOLVING, Phase.DOWNLOADED, Phase.DONE);
    assertThat(events.stream().filter(e -> e.phase() == Phase.DOWNLOADED).count())
        .isEqualTo(4); // config + 3
    assertThat(store.downloadDir()).isEmptyDirectory();
  }

  @Test
  void pull_skipsBlobsAlreadyInTheStore() throws Exception {
    FakeImageStore store = new FakeImageStore(root);
    String ref = registry.host() + "/test/app:multi";
    await(puller(store).pull(ref, AMD64, e -> {}));
    List<PullProgress> events = new CopyOnWriteArrayList<>();

    await(puller(store).pull(ref, AMD64, events::add));

    assertThat(events)
        .filteredOn(PullProgress::isLayer)
        .extracting(PullProgress::phase)
        .containsOnly(Phase.ALREADY_EXISTS);
  }

  @Test
  void pull_picksThePlatformsManifestFromAnIndex() throws Exception {
    FakeImageStore store = new FakeImageStore(root);
    String ref = registry.host() + "/test/multi:multiarch";

    Image arm = await(puller(store).pull(ref, new Platform("linux", "arm64", "v8"), e -> {}));
    Image x86 = await(puller(store).pull(ref, AMD64, e -> {}));

    assertThat(arm.repoDigests()).containsExactly(arm64.digest());
    assertThat(arm.architecture()).isEqualTo("arm64");
    assertThat(x86.repoDigests()).containsExactly(amd64.digest());
    assertThatThrownBy(
            () -> await(puller(store).pull(ref, new Platform("linux", "s390x", null), e -> {})))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining(
            "no image for platform linux/s390x (the image has linux/amd64, linux/arm64/v8)");
  }

  @Test
  void pull_byDigestChecksTheManifest() throws Exception {
    FakeImageStore store = new FakeImageStore(root);

    Image image =
        await(
            puller(store)
                .pull(registry.host() + "/test/app@" + multiLayer.digest(), AMD64, e -> {}));

    assertThat(image.repoDigests()).containsExactly(multiLayer.digest());
  }

  @Test
  void pull_streamsALargeLayerWithProgress() throws Exception {
    FakeImageStore store = new FakeImageStore(root);
    List<PullProgress> events = new CopyOnWriteArrayList<>();

    await(puller(store).pull(registry.host() + "/test/large:large", AMD64, events::add));

    List<PullProgress> downloading =
        events.stream()
            .filter(e -> e.phase() == Phase.DOWNLOADING && e.bytesTotal() > (40L << 20))
            .toList();
    assertThat(downloading.size()).isGreaterThan(10);
    assertThat(downloading.get(downloading.size() - 1).bytesDone())
        .isEqualTo(downloading.get(0).bytesTotal());
  }

  @Test
  void pull_unknownTagNamesTheImage() {
    FakeImageStore store = fakeStore();
    String ref = registry.host() + "/test/app:nope";

    assertThatThrownBy(() -> await(puller(store).pull(ref, AMD64, e -> {})))
        .isInstanceOf(NotFoundException.class)
        .hasMessage(
            ref
                + ": manifest unknown in registry "
                + registry.host()
                + "; check the tag or digest");
    assertThat(store.tags).isEmpty();
  }

  @Test
  void pull_unknownRepositoryNamesTheRepository() {
    String ref = registry.host() + "/test/none:1";

    assertThatThrownBy(() -> await(puller(fakeStore()).pull(ref, AMD64, e -> {})))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining(ref + ": ");
  }

  @Test
  void pull_unreachableRegistrySaysWhich() throws Exception {
    String host = "127.0.0.1:" + LoopbackRegistry.freePort();

    assertThatThrownBy(() -> await(puller(fakeStore()).pull(host + "/a/b:1", AMD64, e -> {})))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessage(
            host
                + "/a/b:1: cannot reach registry "
                + host
                + " over http: connection refused; check the host and port");
  }

  @Test
  void pull_malformedReferenceFailsWithOneLine() {
    assertThatThrownBy(() -> await(puller(fakeStore()).pull("Bad:ref:x", AMD64, e -> {})))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageStartingWith("invalid image reference 'Bad:ref:x'");
  }

  FakeImageStore fakeStore() {
    try {
      return new FakeImageStore(root);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
