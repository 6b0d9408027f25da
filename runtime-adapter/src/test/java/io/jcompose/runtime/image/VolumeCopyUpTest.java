package io.jcompose.runtime.image;

import static io.jcompose.runtime.image.StoreFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.Volume;
import io.jcompose.runtime.api.VolumeStore;
import io.jcompose.runtime.api.VolumeStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filling volumes from an image's merged layers (the volume store over the image store). */
class VolumeCopyUpTest {

  @TempDir Path dir;
  StoreFixture fixture;
  VolumeStore volumes;
  Image image;

  @BeforeEach
  void setUp() throws IOException {
    fixture = new StoreFixture(dir);
    volumes = VolumeStores.open(fixture.vertx, fixture.paths);
    TestImage source =
        TestImage.layered()
            .layer(
                TestTar.create()
                    .dir("srv/app", 0750, 1000, 1000)
                    .file("srv/app/run.sh", "#!/bin/sh", 0755, 1000, 1000)
                    .symlink("srv/app/latest", "run.sh")
                    .charDevice("srv/app/tty", 5, 0)
                    .symlink("srv/current", "app")
                    .symlink("etc/link-to-cache", "/var/cache"));
    image = await(fixture.store.load(source.writeDockerSave(dir.resolve("save"), "seed:1"))).get(0);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  private Path fill(String name, String path) {
    Volume volume = await(volumes.create(name, Map.of()));
    await(volumes.populateFromImage(name, image, path));
    return volume.mountpoint();
  }

  @Test
  void populate_copiesMergedContentWithUpperLayersWinning() {
    Path data = fill("data_vol", "/data");

    assertThat(data.resolve("seed")).hasContent("from base");
    assertThat(data.resolve("more")).hasContent("from top");
  }

  @Test
  void populate_respectsWhiteoutsAndOpaqueDirectories() {
    Path etc = fill("etc_vol", "/etc");
    Path cache = fill("cache_vol", "/var/cache");

    assertThat(etc.resolve("keep")).hasContent("top");
    assertThat(etc.resolve("gone")).doesNotExist();
    assertThat(cache).isDirectoryContaining(p -> p.getFileName().toString().equals("fresh"));
    assertThat(cache.resolve("old1")).doesNotExist();
    assertThat(cache.resolve("old2")).doesNotExist();
  }

  @Test
  void populate_keepsOwnersModesSymlinksAndDevicesAndTakesTheDirectorysOwner() throws IOException {
    Path app = fill("app_vol", "/srv/app");

    assertThat(Files.getAttribute(app, "unix:uid")).isEqualTo(1000);
    assertThat((int) Files.getAttribute(app, "unix:mode") & 07777).isEqualTo(0750);
    assertThat((int) Files.getAttribute(app.resolve("run.sh"), "unix:mode") & 07777)
        .isEqualTo(0755);
    assertThat(Files.getAttribute(app.resolve("run.sh"), "unix:gid")).isEqualTo(1000);
    assertThat(Files.readSymbolicLink(app.resolve("latest"))).isEqualTo(Path.of("run.sh"));
    assertThat(Files.getAttribute(app.resolve("tty"), "unix:rdev", LinkOption.NOFOLLOW_LINKS))
        .isEqualTo(PosixFiles.makedev(5, 0));
  }

  @Test
  void populate_followsSymlinksInTheMountPathInsideTheImage() {
    assertThat(fill("via_link", "/srv/current").resolve("run.sh")).hasContent("#!/bin/sh");
    assertThat(fill("via_abs_link", "/etc/link-to-cache").resolve("fresh")).hasContent("f");
  }

  @Test
  void populate_leavesNonEmptyVolumeAndMissingPathAlone() throws IOException {
    Volume volume = await(volumes.create("mine", Map.of()));
    Files.writeString(volume.mountpoint().resolve("own"), "user data");

    assertThat(await(volumes.populateFromImage("mine", image, "/data"))).isFalse();
    assertThat(volume.mountpoint())
        .isDirectoryNotContaining(p -> p.getFileName().toString().equals("seed"));

    Volume empty = await(volumes.create("empty", Map.of()));
    assertThat(await(volumes.populateFromImage("empty", image, "/no/such/dir"))).isFalse();
    assertThat(empty.mountpoint()).isEmptyDirectory();
  }

  @Test
  void populate_redoesAFillACrashInterrupted() throws IOException {
    Volume volume = await(volumes.create("crashed", Map.of()));
    Files.writeString(volume.mountpoint().resolve("partial"), "half");
    Files.createFile(volume.mountpoint().resolveSibling(".filling"));

    assertThat(await(volumes.populateFromImage("crashed", image, "/data"))).isTrue();

    assertThat(volume.mountpoint().resolve("partial")).doesNotExist();
    assertThat(volume.mountpoint().resolve("seed")).hasContent("from base");
  }
}
