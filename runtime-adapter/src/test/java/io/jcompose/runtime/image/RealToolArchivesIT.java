package io.jcompose.runtime.image;

import static io.jcompose.runtime.image.StoreFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.runtime.api.Image;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives written by real tools, not by our own test code: an OCI layout built with umoci (layers
 * with a whiteout and an opaque directory), turned by skopeo into a docker save archive and an OCI
 * archive. Needs the Debian packages umoci, skopeo and busybox-static.
 */
class RealToolArchivesIT {

  @TempDir Path dir;
  StoreFixture fixture;
  Path layout;

  @BeforeEach
  void buildWithUmoci() throws Exception {
    fixture = new StoreFixture(dir.resolve("store"));
    layout = dir.resolve("layout");
    Path files = Files.createDirectories(dir.resolve("files"));
    Files.writeString(files.resolve("motd"), "hello");
    Path cache = Files.createDirectories(files.resolve("cache"));
    Files.writeString(cache.resolve("old"), "old");
    Path newCache = Files.createDirectories(files.resolve("newcache"));
    Files.writeString(newCache.resolve("new"), "new");
    String image = layout + ":v1";
    run("umoci", "init", "--layout", layout.toString());
    run("umoci", "new", "--image", image);
    run("umoci", "insert", "--image", image, "/bin/busybox", "/bin/busybox");
    run("umoci", "insert", "--image", image, files.resolve("motd").toString(), "/etc/motd");
    run("umoci", "insert", "--image", image, cache.toString(), "/var/cache");
    run("umoci", "insert", "--image", image, "--whiteout", "/etc/motd");
    run("umoci", "insert", "--image", image, "--opaque", newCache.toString(), "/var/cache");
    run(
        "umoci",
        "config",
        "--image",
        image,
        "--config.cmd",
        "/bin/busybox",
        "--config.cmd",
        "sh",
        "--config.env",
        "A=b",
        "--config.workingdir",
        "/srv");
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void load_skopeoDockerArchiveOfUmociImage() throws Exception {
    Path archive = dir.resolve("docker.tar");
    run("skopeo", "copy", "oci:" + layout + ":v1", "docker-archive:" + archive + ":demo/app:v1");

    Image image = await(fixture.store.load(archive)).get(0);

    assertThat(image.repoTags()).containsExactly("docker.io/demo/app:v1");
    assertUmociContent(image);
  }

  @Test
  void load_skopeoOciArchiveAndUmociLayoutDirectory() throws Exception {
    Path archive = dir.resolve("oci.tar");
    run("skopeo", "copy", "oci:" + layout + ":v1", "oci-archive:" + archive + ":ghcr.io/o/app:2");

    Image fromArchive = await(fixture.store.load(archive)).get(0);
    Image fromLayout = await(fixture.store.load(layout)).get(0);

    assertThat(fromArchive.repoTags()).containsExactly("ghcr.io/o/app:2");
    assertThat(fromLayout.id()).isEqualTo(fromArchive.id());
    assertUmociContent(fromLayout);
  }

  private void assertUmociContent(Image image) throws Exception {
    assertThat(image.config().cmd()).containsExactly("/bin/busybox", "sh");
    assertThat(image.config().env()).contains("A=b");
    assertThat(image.config().workingDir()).isEqualTo("/srv");
    MergedLayers merged = new MergedLayers(image.layerDirs());
    assertThat(merged.directory("/bin")).isNotEmpty();
    Path busybox = merged.directory("/bin").get(0).resolve("busybox");
    assertThat(Files.size(busybox)).isEqualTo(Files.size(Path.of("/bin/busybox")));
    assertThat(Files.isExecutable(busybox)).isTrue();
    Path etc = Files.createDirectories(dir.resolve("etc-copy"));
    Path cache = Files.createDirectories(dir.resolve("cache-copy"));
    merged.copyDirectory("/etc", etc);
    merged.copyDirectory("/var/cache", cache);
    assertThat(etc.resolve("motd")).doesNotExist();
    assertThat(cache.resolve("old")).doesNotExist();
    assertThat(cache.resolve("new")).hasContent("new");
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
  }
}
