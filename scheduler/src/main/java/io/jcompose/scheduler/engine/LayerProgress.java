package io.jcompose.scheduler.engine;

import io.jcompose.runtime.api.PullProgress;
import io.jcompose.scheduler.api.ProgressEvent;
import io.vertx.core.Handler;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns a pull's per-layer events into progress lines as docker shows them ({@code 3f4a5b6c7d8e
 * Downloading 12.3MB/40MB}). Byte counts of one layer are passed on at most once per interval, so a
 * fast pull does not flood the renderer; every change of phase is passed on at once.
 */
public final class LayerProgress implements Consumer<PullProgress> {

  /** How often one layer's byte count is shown at most. */
  static final long INTERVAL_NANOS = 250_000_000L;

  private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB"};
  private static final MathContext THREE_DIGITS = new MathContext(3);
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private final Progress progress;
  private final LongSupplier nanoClock;
  private final long intervalNanos;
  // Layer short id -> when its byte count was last shown; events arrive on several threads.
  private final Map<String, Long> lastShown = new ConcurrentHashMap<>();

  LayerProgress(Progress progress) {
    this(progress, System::nanoTime, INTERVAL_NANOS);
  }

  /** Layer lines for a pull outside the engine ({@code jcompose pull}, {@code image pull}). */
  public static LayerProgress to(Handler<ProgressEvent> sink) {
    return new LayerProgress(new Progress(sink));
  }

  LayerProgress(Progress progress, LongSupplier nanoClock, long intervalNanos) {
    this.progress = progress;
    this.nanoClock = nanoClock;
    this.intervalNanos = intervalNanos;
  }

  @Override
  public void accept(PullProgress p) {
    if (!p.isLayer()) {
      return; // The image-wide line (Pulling / Pulled) is the resolver's.
    }
    String layer = p.id();
    switch (p.phase()) {
      case ALREADY_EXISTS -> progress.done(layer, "Already exists");
      case WAITING -> progress.working(layer, "Waiting");
      case DOWNLOADING -> {
        if (due(layer)) {
          progress.working(layer, "Downloading", bytes(p.bytesDone(), p.bytesTotal()));
        }
      }
      case RETRYING -> progress.working(layer, "Retrying");
      case DOWNLOADED -> progress.done(layer, "Download complete");
      default -> {}
    }
  }

  /** Whether the layer's byte count may be shown now; records it as shown when so. */
  private boolean due(String layer) {
    long now = nanoClock.getAsLong();
    boolean[] show = {false};
    lastShown.compute(
        layer,
        (k, last) -> {
          if (last == null || now - last >= intervalNanos) {
            show[0] = true;
            return now;
          }
          return last;
        });
    return show[0];
  }

  private static String bytes(long done, long total) {
    return total > 0 ? size(done) + "/" + size(total) : size(done);
  }

  /** A byte count in decimal units with three significant digits, as docker prints sizes. */
  static String size(long bytes) {
    BigDecimal value = BigDecimal.valueOf(bytes).round(THREE_DIGITS);
    int unit = 0;
    // Rounding decides the unit: 999,999 bytes is 1MB, not 1000kB.
    while (value.compareTo(THOUSAND) >= 0 && unit < UNITS.length - 1) {
      value = value.divide(THOUSAND).round(THREE_DIGITS);
      unit++;
    }
    return value.stripTrailingZeros().toPlainString() + UNITS[unit];
  }
}
