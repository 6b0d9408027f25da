package io.jcompose.scheduler.engine;

import static io.jcompose.scheduler.TestProjects.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.ImagePuller;
import io.jcompose.runtime.api.Platform;
import io.jcompose.runtime.api.PullProgress;
import io.jcompose.runtime.api.PullProgress.Phase;
import io.jcompose.runtime.api.RegistryCredentials;
import io.jcompose.scheduler.api.ProgressEvent;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ImageResolverTest {

  /** Reports one layer's download, then fails: the test needs the events, not an image. */
  private static final class ScriptedPuller implements ImagePuller {
    @Override
    public Future<Image> pull(String ref, Platform platform, Consumer<PullProgress> progress) {
      progress.accept(new PullProgress(ref, ref, Phase.RESOLVING, 0, 0));
      progress.accept(new PullProgress(ref, "0123456789ab", Phase.WAITING, 0, 2_000_000));
      progress.accept(
          new PullProgress(ref, "0123456789ab", Phase.DOWNLOADING, 1_000_000, 2_000_000));
      progress.accept(
          new PullProgress(ref, "0123456789ab", Phase.DOWNLOADED, 2_000_000, 2_000_000));
      return Future.failedFuture(new IllegalStateException("scripted end"));
    }

    @Override
    public Future<Void> checkLogin(String registry, RegistryCredentials credentials) {
      return Future.succeededFuture();
    }
  }

  @Test
  void pull_forwardsLayerProgressBetweenPullingAndTheImageOutcome() {
    List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    EngineRuntime rt = new EngineRuntime(null, null, new ScriptedPuller(), null, null, null);
    ImageResolver resolver = new ImageResolver(rt, "always", new Progress(events::add));

    Future<Image> image = resolver.resolve("shop", service("web").image("app:1").build());

    assertThat(image.failed()).isTrue();
    assertThat(events)
        .extracting(
            e -> e.resource() + " " + e.status() + (e.detail() == null ? "" : " " + e.detail()))
        .containsExactly(
            "Image app:1 Pulling",
            "0123456789ab Waiting",
            "0123456789ab Downloading 1MB/2MB",
            "0123456789ab Download complete",
            "Image app:1 Error scripted end");
  }
}
