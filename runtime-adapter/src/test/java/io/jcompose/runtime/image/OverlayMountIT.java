package io.jcompose.runtime.image;

import static io.jcompose.runtime.image.StoreFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.runtime.api.Image;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mounts a real overlayfs over layers the store unpacked (needs root) and looks through it. */
class OverlayMountIT {

  @TempDir Path dir;
  StoreFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new StoreFixture(dir);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void overlay_hidesWhitedOutFilesAndOpaqueDirectoryContent() throws Exception {
    Image image =
        await(fixture.store.load(TestImage.layered().writeDockerSave(dir.resolve("save"), "ov:1")))
            .get(0);
    Path merged = Files.createDirectories(dir.resolve("merged"));
    Path upper = Files.createDirectories(dir.resolve("upper"));
    Path work = Files.createDirectories(dir.resolve("work"));
    List<String> lower = new ArrayList<>();
    image.layerDirs().forEach(p -> lower.add(p.toString()));
    Collections.reverse(lower); // overlay lists the top layer first

    run(
        "mount",
        "-t",
        "overlay",
        "overlay",
        "-o",
        "lowerdir=" + String.join(":", lower) + ",upperdir=" + upper + ",workdir=" + work,
        merged.toString());
    try {
      assertThat(merged.resolve("etc/keep")).hasContent("top");
      assertThat(merged.resolve("etc/gone")).doesNotExist();
      assertThat(names(merged.resolve("etc"))).containsExactly("keep");
      assertThat(names(merged.resolve("var/cache"))).containsExactly("fresh");
      assertThat(names(merged.resolve("data"))).containsExactly("more", "seed");

      // a container writing through the overlay never touches the shared layers
      Files.writeString(merged.resolve("etc/keep"), "changed");
      assertThat(image.layerDirs().get(2).resolve("etc/keep")).hasContent("top");
      assertThat(upper.resolve("etc/keep")).hasContent("changed");
    } finally {
      run("umount", merged.toString());
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
  }
}
