package io.jcompose.runtime.image;

import static io.jcompose.runtime.image.StoreFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.ImageDiskUsage;
import io.jcompose.runtime.api.NotFoundException;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageImportTest {

  @TempDir Path dir;
  StoreFixture fixture;
  Path rootfs;

  @BeforeEach
  void setUp() throws IOException {
    fixture = new StoreFixture(dir);
    rootfs =
        TestTar.create()
            .dir("bin")
            .file("bin/sh", "#!", 0755, 0, 0)
            .file("etc/hostname", "box")
            .writeTo(dir.resolve("rootfs.tar"));
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void import_appliesChangesToTheImageConfig() {
    Image image =
        await(
            fixture.store.importRootfs(
                rootfs,
                "demo:1",
                List.of(
                    "ENV PATH=/bin GREETING=\"hello world\"",
                    "CMD echo hi",
                    "ENTRYPOINT [\"/bin/sh\", \"-c\"]",
                    "WORKDIR /srv",
                    "USER 1000:1000",
                    "EXPOSE 80 53/udp",
                    "LABEL org.example=yes",
                    "VOLUME /data",
                    "STOPSIGNAL SIGINT")));

    assertThat(image.config().env()).containsExactly("PATH=/bin", "GREETING=hello world");
    assertThat(image.config().cmd()).containsExactly("/bin/sh", "-c", "echo hi");
    assertThat(image.config().entrypoint()).containsExactly("/bin/sh", "-c");
    assertThat(image.config().workingDir()).isEqualTo("/srv");
    assertThat(image.config().user()).isEqualTo("1000:1000");
    assertThat(image.config().exposedPorts()).containsExactlyInAnyOrder("80/tcp", "53/udp");
    assertThat(image.config().labels()).isEqualTo(Map.of("org.example", "yes"));
    assertThat(image.config().volumes()).containsExactly("/data");
    assertThat(image.config().stopSignal()).isEqualTo("SIGINT");
    assertThat(image.os()).isEqualTo("linux");
    assertThat(image.repoTags()).containsExactly("docker.io/library/demo:1");
    assertThat(image.layerDirs()).hasSize(1);
    assertThat(image.layerDirs().get(0).resolve("etc/hostname")).hasContent("box");
    assertThat(image.sizeBytes()).isEqualTo(5);
  }

  @Test
  void resolve_findsImageByShortAndFullNameAndIds() {
    Image image = await(fixture.store.importRootfs(rootfs, "busybox", List.of()));
    String hex = image.id().substring(7);

    for (String ref :
        List.of(
            "busybox",
            "busybox:latest",
            "docker.io/library/busybox:latest",
            "library/busybox",
            image.id(),
            hex,
            hex.substring(0, 12))) {
      assertThat(await(fixture.store.resolve(ref)).id()).as(ref).isEqualTo(image.id());
    }
    assertThatThrownBy(() -> await(fixture.store.resolve("busybox:2")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("busybox:2");
  }

  @Test
  void resolve_survivesReopeningTheStore() {
    Image image = await(fixture.store.importRootfs(rootfs, "kept:1", List.of("CMD [\"sh\"]")));

    Image again = await(fixture.reopen().resolve("kept:1"));

    assertThat(again).isEqualTo(image);
  }

  @Test
  void reopen_removesStaleUnpackLeftoversButNotFreshOnes() throws IOException {
    Path layers = fixture.paths.images().resolve("layers");
    Path stale = Files.createDirectories(layers.resolve(".tmp-crashed/diff"));
    Path fresh = Files.createDirectories(layers.resolve(".tmp-in-progress/diff"));
    Files.setLastModifiedTime(
        stale.getParent(),
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 7_200_000));

    fixture.reopen();

    assertThat(stale.getParent()).doesNotExist();
    assertThat(fresh).isDirectory();
  }

  @Test
  void import_sameTarTwiceSharesTheLayer() {
    Image a = await(fixture.store.importRootfs(rootfs, "a", List.of()));
    Image b = await(fixture.store.importRootfs(rootfs, "b", List.of("CMD x")));

    assertThat(a.id()).isNotEqualTo(b.id());
    assertThat(a.layerDirs()).isEqualTo(b.layerDirs());
    assertThat(((LocalImageStore) fixture.store).unpackCount()).isEqualTo(1);
    assertThat(await(fixture.store.list())).hasSize(2);
  }

  @Test
  void import_rejectsUnsupportedChangeBeforeUnpacking() {
    assertThatThrownBy(
            () -> await(fixture.store.importRootfs(rootfs, "x", List.of("RUN rm -rf /"))))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("unsupported instruction RUN");
    assertThat(await(fixture.store.list())).isEmpty();
  }

  @Test
  void import_ofMissingFileSaysSo() {
    assertThatThrownBy(
            () -> await(fixture.store.importRootfs(dir.resolve("nope.tar"), "x", List.of())))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("nope.tar: no such file");
  }

  @Test
  void remove_untagsUntilTheLastTagThenDeletesImageAndLayer() {
    Image image = await(fixture.store.importRootfs(rootfs, "one", List.of()));
    await(fixture.store.importRootfs(rootfs, "two", List.of()));
    Path layer = image.layerDirs().get(0);

    await(fixture.store.remove("one", false));
    assertThat(await(fixture.store.resolve("two")).repoTags())
        .containsExactly("docker.io/library/two:latest");
    assertThat(layer).exists();

    await(fixture.store.remove("two", false));
    assertThat(await(fixture.store.list())).isEmpty();
    assertThat(layer).doesNotExist();
    assertThatThrownBy(() -> await(fixture.store.remove("two", false)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void diskUsage_countsSharedLayerOnce() throws IOException {
    Image a = await(fixture.store.importRootfs(rootfs, "a", List.of()));
    Image b = await(fixture.store.importRootfs(rootfs, "b", List.of("CMD b")));
    Path other = TestTar.create().file("solo", "123456789").writeTo(dir.resolve("other.tar"));
    Image c = await(fixture.store.importRootfs(other, "c", List.of()));

    ImageDiskUsage usage = await(fixture.store.diskUsage());

    assertThat(usage.layerCount()).isEqualTo(2);
    assertThat(usage.layerBytes()).isEqualTo(5 + 9);
    assertThat(usage.sharedLayerCount()).isEqualTo(1);
    assertThat(usage.sharedLayerBytes()).isEqualTo(5);
    assertThat(usage.uniqueBytesByImage()).isEqualTo(Map.of(a.id(), 0L, b.id(), 0L, c.id(), 9L));
    assertThat(usage.blobBytes()).isPositive();
  }

  @Test
  void remove_keepsLayerSharedWithAnotherImage() {
    Image a = await(fixture.store.importRootfs(rootfs, "a", List.of()));
    await(fixture.store.importRootfs(rootfs, "b", List.of("CMD b")));

    await(fixture.store.remove("a", false));

    assertThat(a.layerDirs().get(0)).isDirectory();
    assertThat(await(fixture.store.resolve("b")).layerDirs()).isEqualTo(a.layerDirs());
  }

  @Test
  void remove_refusesImageInUseUnlessForcedAndThenKeepsItsContent() {
    Image image = await(fixture.store.importRootfs(rootfs, "used", List.of()));
    fixture.inUse.add(image.id());

    assertThatThrownBy(() -> await(fixture.store.remove("used", false)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("a container uses image");

    await(fixture.store.remove("used", true));
    assertThat(await(fixture.store.resolve(image.id())).repoTags()).isEmpty();
    assertThat(image.layerDirs().get(0)).isDirectory();
  }

  @Test
  void tag_movesToTheNewestImportLeavingTheOldOneUntagged() {
    Image old = await(fixture.store.importRootfs(rootfs, "app", List.of("CMD old")));
    Image fresh = await(fixture.store.importRootfs(rootfs, "app", List.of("CMD new")));

    assertThat(await(fixture.store.resolve("app")).id()).isEqualTo(fresh.id());
    assertThat(await(fixture.store.resolve(old.id())).repoTags()).isEmpty();
    assertThat(Files.exists(old.layerDirs().get(0))).isTrue();
  }
}
