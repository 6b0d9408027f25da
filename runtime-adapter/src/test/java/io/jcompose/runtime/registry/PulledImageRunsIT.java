package io.jcompose.runtime.registry;

import static io.jcompose.runtime.registry.OciLayoutWriter.Entry.dir;
import static io.jcompose.runtime.registry.OciLayoutWriter.Entry.file;
import static io.jcompose.runtime.registry.OciLayoutWriter.Entry.opaque;
import static io.jcompose.runtime.registry.OciLayoutWriter.Entry.symlink;
import static io.jcompose.runtime.registry.OciLayoutWriter.Entry.whiteout;
import static io.jcompose.runtime.registry.RegistryPullIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.runtime.api.ContainerRuntime;
import io.jcompose.runtime.api.ContainerRuntimes;
import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.ImagePullers;
import io.jcompose.runtime.api.ImageStore;
import io.jcompose.runtime.api.ImageStores;
import io.jcompose.runtime.api.LogOptions;
import io.jcompose.runtime.api.Platform;
import io.jcompose.runtime.api.PullerOptions;
import io.jcompose.runtime.api.RuntimePaths;
import io.jcompose.runtime.api.VolumeStores;
import io.jcompose.runtime.registry.OciLayoutWriter.Compression;
import io.jcompose.runtime.registry.OciLayoutWriter.Entry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image pushed to a loopback {@code docker-registry}, pulled into the real image store and run
 * by the Linux runtime: the container sees the upper layer's file, not the file it whited out, and
 * only the upper layer's content of the directory it made opaque.
 */
class PulledImageRunsIT {

  @TempDir Path tmp;

  @Test
  void pulledTwoLayerImage_runsAndShowsAddedFileButNotWhiteoutOrOpaqueHiddenFiles()
      throws Exception {
    OciLayoutWriter layout = new OciLayoutWriter(tmp.resolve("layout"));
    List<Entry> lowerEntries = new ArrayList<>(busyboxRootfs());
    lowerEntries.addAll(
        List.of(
            file("kept", "from the lower layer\n"),
            file("gone", "whited out above\n"),
            dir("opaque"),
            file("opaque/old", "hidden by the opaque marker\n")));
    var lower = layout.layer(Compression.GZIP, lowerEntries);
    var upper =
        layout.layer(
            Compression.GZIP,
            List.of(
                file("added", "from the upper layer\n"),
                whiteout("gone"),
                dir("opaque"),
                opaque("opaque"),
                file("opaque/new", "fresh\n")));
    Platform platform = Platform.host();
    layout.tag("1", layout.image(platform.architecture(), List.of(lower, upper)));

    Vertx vertx = Vertx.vertx();
    RuntimePaths paths = new RuntimePaths(tmp.resolve("root"), tmp.resolve("run"));
    ContainerRuntime runtime = null;
    String name = "pulled-it-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    try (LoopbackRegistry registry =
        LoopbackRegistry.start(tmp.resolve("registry"), new LoopbackRegistry.NoAuth())) {
      registry.push(layout.dir(), "1", "test/runs", false, null);
      ImageStore images = ImageStores.open(vertx, paths);
      String ref = registry.host() + "/test/runs:1";
      Image pulled =
          await(
              ImagePullers.create(vertx, images, PullerOptions.defaults())
                  .pull(ref, platform, event -> {}));
      assertThat(pulled.layerDirs()).hasSize(2);
      runtime = ContainerRuntimes.linux(vertx, paths, images, VolumeStores.open(vertx, paths));

      ContainerSpec spec =
          ContainerSpec.of(name, ref)
              .withCommand(
                  List.of("sh", "-c", "cat /kept /added; ls /gone 2>&1; ls -A /opaque; echo end"));
      ContainerState created = await(runtime.create(spec));
      await(runtime.start(created.id()));
      ContainerState exited = await(runtime.waitForExit(created.id()));
      List<String> lines = new CopyOnWriteArrayList<>();
      await(runtime.logs(created.id(), LogOptions.ALL, line -> lines.add(line.text())));

      assertThat(exited.exitCode()).isZero();
      assertThat(lines)
          .containsExactly(
              "from the lower layer",
              "from the upper layer",
              "ls: /gone: No such file or directory",
              "new",
              "end");
    } finally {
      if (runtime != null) {
        try {
          await(runtime.remove(name, true));
        } catch (Exception e) {
          // Never created, or already gone: nothing to clean.
        }
        if (runtime instanceof AutoCloseable closeable) {
          closeable.close();
        }
      }
      vertx.close();
    }
  }

  /** The host's static busybox with a symlink per applet, as the busybox image has. */
  private static List<Entry> busyboxRootfs() throws IOException, InterruptedException {
    List<Entry> entries = new ArrayList<>();
    entries.addAll(List.of(dir("bin"), dir("etc"), dir("tmp"), dir("root")));
    entries.add(file("bin/busybox", Files.readAllBytes(Path.of("/bin/busybox")), 0755));
    Process list = new ProcessBuilder("/bin/busybox", "--list").start();
    for (String applet : new String(list.getInputStream().readAllBytes()).split("\n")) {
      if (!applet.isBlank() && !applet.trim().equals("busybox")) {
        entries.add(symlink("bin/" + applet.trim(), "busybox"));
      }
    }
    assertThat(list.waitFor()).as("busybox --list").isZero();
    entries.add(file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n"));
    entries.add(file("etc/group", "root:x:0:\n"));
    return entries;
  }
}
