package io.jcompose.runtime.image;

import static io.jcompose.runtime.image.StoreFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.ImageStore;
import io.jcompose.runtime.api.RuntimeFailure;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestRegistrationTest {

  @TempDir Path dir;
  StoreFixture fixture;
  ImageStore store;

  @BeforeEach
  void setUp() {
    fixture = new StoreFixture(dir);
    store = fixture.store;
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  private void put(byte[] content) throws IOException {
    Path file = Files.createTempFile(store.downloadDir(), "dl", "");
    Files.write(file, content);
    await(store.putBlob(Digests.of(content), file));
  }

  private String putAll(TestImage image) throws IOException {
    for (byte[] blob : image.layerBlobs) {
      put(blob);
    }
    put(image.configBytes());
    put(image.manifestBytes());
    return Digests.of(image.manifestBytes());
  }

  @Test
  void putBlob_withWrongContentIsRejectedAndNothingStays() throws IOException {
    Path file = Files.createTempFile(store.downloadDir(), "dl", "");
    Files.writeString(file, "not what was promised");
    String claimed = Digests.of("promised".getBytes());

    assertThatThrownBy(() -> await(store.putBlob(claimed, file)))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining(claimed)
        .hasMessageContaining("pull again");

    assertThat(file).doesNotExist();
    assertThat(await(store.hasBlob(claimed))).isFalse();
    assertThat(fixture.paths.images().resolve("blobs/sha256")).isEmptyDirectory();
  }

  @Test
  void putBlob_rejectsMalformedDigest() throws IOException {
    Path file = Files.createTempFile(store.downloadDir(), "dl", "");

    assertThatThrownBy(() -> await(store.putBlob("sha256:../../x", file)))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("invalid digest");
  }

  @Test
  void registerManifest_unpacksGzipAndZstdLayersAndTags() throws IOException {
    TestImage source = TestImage.layered();
    String manifest = putAll(source);

    Image image = await(store.registerManifest("localhost:5000/app:3", manifest));

    assertThat(image.id()).isEqualTo(source.id());
    assertThat(image.repoTags()).containsExactly("localhost:5000/app:3");
    assertThat(image.repoDigests()).containsExactly("localhost:5000/app@" + manifest);
    ImageLoadTest.assertLayered(image);
    assertThat(await(store.resolve("localhost:5000/app@" + manifest)).id()).isEqualTo(image.id());
    for (byte[] blob : source.layerBlobs) {
      assertThat(await(store.hasBlob(Digests.of(blob)))).isTrue();
    }
  }

  @Test
  void registerManifest_withMissingLayerBlobFailsNamingIt() throws IOException {
    TestImage source = TestImage.layered();
    put(source.configBytes());
    put(source.manifestBytes());

    assertThatThrownBy(
            () -> await(store.registerManifest("app:1", Digests.of(source.manifestBytes()))))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining(Digests.of(source.layerBlobs.get(0)))
        .hasMessageContaining("missing");
    assertThat(await(store.list())).isEmpty();
  }

  @Test
  void registerManifest_concurrentImagesSharingALayerUnpackItOnce() throws IOException {
    TestTar base = TestTar.create().file("shared/big", "x".repeat(100_000));
    List<String> manifests = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      TestImage image = new TestImage().gzipLayer(base).layer(TestTar.create().file("own", "" + i));
      manifests.add(putAll(image));
    }
    LocalImageStore local = (LocalImageStore) store;

    List<Future<Image>> all = new ArrayList<>();
    for (int i = 0; i < manifests.size(); i++) {
      all.add(store.registerManifest("app:" + i, manifests.get(i)));
    }
    await(Future.all(all));

    assertThat(local.unpackCount()).isEqualTo(1 + manifests.size());
    assertThat(await(store.list()))
        .hasSize(6)
        .extracting(i -> i.layerDirs().get(0))
        .containsOnly(all.get(0).result().layerDirs().get(0));
  }
}
