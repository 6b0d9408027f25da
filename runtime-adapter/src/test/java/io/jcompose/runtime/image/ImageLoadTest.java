package io.jcompose.runtime.image;

import static io.jcompose.runtime.image.StoreFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLoadTest {

  @TempDir Path dir;
  StoreFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new StoreFixture(dir.resolve("store"));
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void load_dockerSaveTarWithSeveralLayersAndTags() throws IOException {
    TestImage source = TestImage.layered();
    Path save =
        source.writeDockerSave(dir.resolve("save"), "app:1", "registry.local:5000/team/app:v1");

    List<Image> images =
        await(fixture.store.load(TestImage.tarDirectory(save, dir.resolve("save.tar"))));

    assertThat(images).hasSize(1);
    Image image = images.get(0);
    assertThat(image.id()).isEqualTo(source.id());
    assertThat(image.repoTags())
        .containsExactlyInAnyOrder("docker.io/library/app:1", "registry.local:5000/team/app:v1");
    assertThat(image.layerDirs()).hasSize(3);
    assertThat(image.config().cmd()).containsExactly("/bin/sh");
    assertThat(await(fixture.store.resolve("registry.local:5000/team/app:v1")).id())
        .isEqualTo(image.id());
    assertLayered(image);
    assertThat(fixture.paths.images().resolve("downloads")).isEmptyDirectory();
  }

  @Test
  void load_ociLayoutDirectoryPicksThisPlatformFromNestedIndex() throws IOException {
    TestImage source = TestImage.layered();
    Path layout = source.writeOciLayout(dir.resolve("oci"), "docker.io/library/oci:2");

    Image image = await(fixture.store.load(layout)).get(0);

    assertThat(image.id()).isEqualTo(source.id());
    assertThat(image.repoTags()).containsExactly("docker.io/library/oci:2");
    assertThat(image.repoDigests())
        .containsExactly("docker.io/library/oci@" + Digests.of(source.manifestBytes()));
    assertLayered(image);
    // the layer blobs' digests are remembered: a pull of the same image downloads nothing
    for (byte[] blob : source.layerBlobs) {
      assertThat(await(fixture.store.hasBlob(Digests.of(blob)))).isTrue();
    }
  }

  @Test
  void load_ociLayoutTarWithBareTagNameLoadsUntagged() throws IOException {
    TestImage source = TestImage.layered();
    Path layout = source.writeOciLayout(dir.resolve("oci"), "latest");

    Image image =
        await(fixture.store.load(TestImage.tarDirectory(layout, dir.resolve("oci.tar")))).get(0);

    assertThat(image.repoTags()).isEmpty();
    assertThat(await(fixture.store.resolve(image.id().substring(7, 19))).id())
        .isEqualTo(source.id());
  }

  @Test
  void load_layerWhoseContentDiffersFromConfigFailsAndStoresNothing() throws IOException {
    TestImage source = TestImage.layered();
    Path save = source.writeDockerSave(dir.resolve("save"), "bad:1");
    Files.write(save.resolve("layer2/layer.tar"), TestTar.create().file("other", "x").toBytes());

    assertThatThrownBy(() -> await(fixture.store.load(save)))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("the image is corrupt");

    assertThat(await(fixture.store.list())).isEmpty();
    assertThat(fixture.paths.images().resolve("layers")).isEmptyDirectory();
    assertThat(fixture.paths.images().resolve("blobs/sha256")).isEmptyDirectory();
  }

  @Test
  void load_rejectsArchiveNamesOutsideTheArchive() throws IOException {
    Path save = TestImage.layered().writeDockerSave(dir.resolve("save"), "x:1");
    Files.writeString(
        save.resolve("manifest.json"),
        "[{\"Config\":\"../../etc/passwd\",\"RepoTags\":[],\"Layers\":[]}]");

    assertThatThrownBy(() -> await(fixture.store.load(save)))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("outside the archive");
  }

  @Test
  void load_layerEscapingItsDirectoryFailsNamingTheLayerAndLeavesNothing() throws IOException {
    TestImage source =
        new TestImage()
            .layer(TestTar.create().file("ok", "1"))
            .layer(TestTar.create().symlink("link", "/").file("link/tmp/pwned", "x"));
    Path save = source.writeDockerSave(dir.resolve("save"), "evil:1");

    assertThatThrownBy(() -> await(fixture.store.load(save)))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("layer 2 of 2")
        .hasMessageContaining("symlink 'link'");
    assertThat(Path.of("/tmp/pwned")).doesNotExist();
    assertThat(fixture.paths.images().resolve("layers")).isEmptyDirectory();
  }

  @Test
  void load_ofSomethingElseSaysWhatIsExpected() throws IOException {
    Path tar = TestTar.create().file("hello", "x").writeTo(dir.resolve("rootfs.tar"));

    assertThatThrownBy(() -> await(fixture.store.load(tar)))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("neither a docker save archive");
  }

  @Test
  void remove_byIdOfImageWithTwoTagsNeedsForce() throws IOException {
    Path save = TestImage.layered().writeDockerSave(dir.resolve("save"), "t1:1", "t2:1");
    Image image = await(fixture.store.load(save)).get(0);

    assertThatThrownBy(() -> await(fixture.store.remove(image.id(), false)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("t1");
    await(fixture.store.remove(image.id().substring(7, 19), true));

    assertThat(await(fixture.store.list())).isEmpty();
    assertThat(image.layerDirs()).allSatisfy(d -> assertThat(d).doesNotExist());
  }

  static void assertLayered(Image image) throws IOException {
    Path base = image.layerDirs().get(0);
    Path middle = image.layerDirs().get(1);
    Path top = image.layerDirs().get(2);
    assertThat(base.resolve("etc/gone")).hasContent("deleted later");
    assertThat(
            (int)
                    Files.getAttribute(
                        middle.resolve("etc/gone"), "unix:mode", LinkOption.NOFOLLOW_LINKS)
                & 0170000)
        .isEqualTo(PosixFiles.S_IFCHR);
    assertThat(PosixFiles.getXattr(middle.resolve("var/cache"), "trusted.overlay.opaque"))
        .containsExactly('y');
    assertThat(top.resolve("etc/keep")).hasContent("top");
  }
}
