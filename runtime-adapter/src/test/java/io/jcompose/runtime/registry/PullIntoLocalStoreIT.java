package io.jcompose.runtime.registry;

import static io.jcompose.runtime.registry.OciLayoutWriter.Entry.dir;
import static io.jcompose.runtime.registry.OciLayoutWriter.Entry.file;
import static io.jcompose.runtime.registry.OciLayoutWriter.Entry.opaque;
import static io.jcompose.runtime.registry.OciLayoutWriter.Entry.whiteout;
import static io.jcompose.runtime.registry.RegistryPullIT.AMD64;
import static io.jcompose.runtime.registry.RegistryPullIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.ImagePullers;
import io.jcompose.runtime.api.PullProgress;
import io.jcompose.runtime.api.PullProgress.Phase;
import io.jcompose.runtime.api.PullerOptions;
import io.jcompose.runtime.image.LocalImageStore;
import io.jcompose.runtime.registry.OciLayoutWriter.Blob;
import io.jcompose.runtime.registry.OciLayoutWriter.Compression;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls a gzip + zstd + plain image with a whiteout and an opaque directory into the real image
 * store and mounts its layers with overlayfs: the files the container would see are the right ones.
 */
class PullIntoLocalStoreIT {

  @TempDir Path tmp;

  @Test
  void pulledImage_mountedAsOverlay_showsTopFilesAndHidesWhiteoutsAndOpaqueContent()
      throws Exception {
    Vertx vertx = Vertx.vertx();
    OciLayoutWriter layout = new OciLayoutWriter(tmp.resolve("layout"));
    var base =
        layout.layer(
            Compression.GZIP,
            List.of(
                dir("etc"),
                file("etc/hostname", "base\n"),
                file("etc/gone", "deleted above\n"),
                dir("var"),
                dir("var/cache"),
                file("var/cache/old", "hidden by opaque\n")));
    var top =
        layout.layer(
            Compression.ZSTD,
            List.of(
                dir("etc"),
                whiteout("etc/gone"),
                dir("var"),
                dir("var/cache"),
                opaque("var/cache"),
                file("var/cache/new", "fresh\n")));
    var plain = layout.layer(Compression.NONE, List.of(file("app.txt", "uncompressed\n")));
    Blob image = layout.image("amd64", List.of(base, top, plain));
    layout.tag("1", image);
    Path mnt = Files.createDirectories(tmp.resolve("mnt"));
    boolean mounted = false;
    try (LoopbackRegistry registry =
        LoopbackRegistry.start(tmp.resolve("registry"), new LoopbackRegistry.NoAuth())) {
      registry.push(layout.dir(), "1", "test/layers", false, null);
      LocalImageStore store = new LocalImageStore(vertx, tmp.resolve("images"), id -> false);
      List<PullProgress> events = new CopyOnWriteArrayList<>();
      String ref = registry.host() + "/test/layers:1";

      Image pulled =
          await(
              ImagePullers.create(vertx, store, PullerOptions.defaults())
                  .pull(ref, AMD64, events::add));

      assertThat(pulled.layerDirs()).hasSize(3);
      assertThat(await(store.resolve(ref)).id()).isEqualTo(pulled.id());
      List<String> lower = new ArrayList<>();
      pulled.layerDirs().forEach(d -> lower.add(0, d.toString()));
      run(
          "mount",
          "-t",
          "overlay",
          "overlay",
          "-o",
          "ro,lowerdir=" + String.join(":", lower),
          mnt.toString());
      mounted = true;
      assertThat(mnt.resolve("etc/hostname")).hasContent("base");
      assertThat(mnt.resolve("etc/gone")).doesNotExist();
      assertThat(names(mnt.resolve("var/cache"))).containsExactly("new");
      assertThat(mnt.resolve("app.txt")).hasContent("uncompressed");

      List<PullProgress> again = new CopyOnWriteArrayList<>();
      await(
          ImagePullers.create(vertx, store, PullerOptions.defaults()).pull(ref, AMD64, again::add));
      assertThat(again)
          .filteredOn(PullProgress::isLayer)
          .extracting(PullProgress::phase)
          .containsOnly(Phase.ALREADY_EXISTS);
    } finally {
      if (mounted) {
        run("umount", mnt.toString());
      }
      vertx.close();
    }
  }

  private static List<String> names(Path dir) throws Exception {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private static void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0)
        .as(String.join(" ", cmd) + ": " + out)
        .isTrue();
  }
}
