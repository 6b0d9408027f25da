package io.jcompose.scheduler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.runtime.api.PullProgress;
import io.jcompose.runtime.api.PullProgress.Phase;
import io.jcompose.scheduler.api.ProgressEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LayerProgressTest {

  private static final String REF = "127.0.0.1:5000/app:1";
  private final List<ProgressEvent> events = new ArrayList<>();
  private final AtomicLong now = new AtomicLong();
  private final LayerProgress layers = new LayerProgress(new Progress(events::add), now::get, 100);

  private static PullProgress layer(String id, Phase phase, long done, long total) {
    return new PullProgress(REF, id, phase, done, total);
  }

  private List<String> lines() {
    return events.stream()
        .map(
            e ->
                e.resource()
                    + " "
                    + e.status()
                    + (e.detail() == null ? "" : " " + e.detail())
                    + " "
                    + e.kind())
        .toList();
  }

  @Test
  void layerEvents_becomeDockerStyleLinesPerLayer() {
    layers.accept(layer("aaaaaaaaaaaa", Phase.ALREADY_EXISTS, 10, 10));
    layers.accept(layer("bbbbbbbbbbbb", Phase.WAITING, 0, 40_000_000));
    layers.accept(layer("bbbbbbbbbbbb", Phase.DOWNLOADING, 12_345_678, 40_000_000));
    layers.accept(layer("bbbbbbbbbbbb", Phase.RETRYING, 0, 40_000_000));
    layers.accept(layer("bbbbbbbbbbbb", Phase.DOWNLOADED, 40_000_000, 40_000_000));

    assertThat(lines())
        .containsExactly(
            "aaaaaaaaaaaa Already exists DONE",
            "bbbbbbbbbbbb Waiting WORKING",
            "bbbbbbbbbbbb Downloading 12.3MB/40MB WORKING",
            "bbbbbbbbbbbb Retrying WORKING",
            "bbbbbbbbbbbb Download complete DONE");
  }

  @Test
  void imageWideEvents_areLeftToTheResolver() {
    layers.accept(new PullProgress(REF, REF, Phase.RESOLVING, 0, 0));
    layers.accept(new PullProgress(REF, REF, Phase.EXTRACTING, 0, 0));
    layers.accept(new PullProgress(REF, REF, Phase.DONE, 0, 0));

    assertThat(events).isEmpty();
  }

  @Test
  void byteCounts_areShownAtMostOncePerIntervalPerLayer() {
    for (int i = 1; i <= 50; i++) {
      now.set(i * 10L); // 50 events over 500 ns; the interval is 100 ns.
      layers.accept(layer("cccccccccccc", Phase.DOWNLOADING, i * 1000L, 50_000));
      layers.accept(layer("dddddddddddd", Phase.DOWNLOADING, i * 1000L, 50_000));
    }

    assertThat(lines())
        .filteredOn(l -> l.startsWith("cccccccccccc"))
        .containsExactly(
            "cccccccccccc Downloading 1kB/50kB WORKING",
            "cccccccccccc Downloading 11kB/50kB WORKING",
            "cccccccccccc Downloading 21kB/50kB WORKING",
            "cccccccccccc Downloading 31kB/50kB WORKING",
            "cccccccccccc Downloading 41kB/50kB WORKING");
    assertThat(lines()).filteredOn(l -> l.startsWith("dddddddddddd")).hasSize(5);
  }

  @Test
  void to_sink_givesTheDaemonsPullRouteALinePerLayer() {
    List<ProgressEvent> sunk = new ArrayList<>();
    LayerProgress forRoute = LayerProgress.to(sunk::add);

    forRoute.accept(layer("eeeeeeeeeeee", Phase.WAITING, 0, 1000));
    forRoute.accept(layer("ffffffffffff", Phase.ALREADY_EXISTS, 10, 10));

    assertThat(sunk)
        .extracting(e -> e.resource() + " " + e.status())
        .containsExactly("eeeeeeeeeeee Waiting", "ffffffffffff Already exists");
  }

  @Test
  void sizes_useDecimalUnitsWithThreeSignificantDigits() {
    assertThat(LayerProgress.size(0)).isEqualTo("0B");
    assertThat(LayerProgress.size(512)).isEqualTo("512B");
    assertThat(LayerProgress.size(1_500)).isEqualTo("1.5kB");
    assertThat(LayerProgress.size(999_999)).isEqualTo("1MB");
    assertThat(LayerProgress.size(12_345_678)).isEqualTo("12.3MB");
    assertThat(LayerProgress.size(3_210_000_000L)).isEqualTo("3.21GB");
  }
}
