package io.jcompose.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.health.api.HealthConfig;
import io.jcompose.health.api.HealthMonitor;
import io.jcompose.health.api.HealthStatus;
import io.jcompose.health.api.HealthTransition;
import io.jcompose.health.api.ManualTicker;
import io.jcompose.health.api.Probe;
import io.jcompose.health.api.ProbeResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {

  private final ManualTicker ticker = new ManualTicker();
  private final List<HealthTransition> transitions = new ArrayList<>();
  private final Deque<Integer> exitCodes = new ArrayDeque<>();
  private int probes;

  private final Probe scripted =
      timeout -> {
        probes++;
        int code = exitCodes.isEmpty() ? 0 : exitCodes.poll();
        return Future.succeededFuture(
            new ProbeResult(ticker.now(), ticker.now(), code, "exit " + code));
      };

  private HealthConfig config(
      Duration interval, int retries, Duration startPeriod, Duration startInterval) {
    return new HealthConfig(
        List.of("CMD", "true"),
        interval,
        Duration.ofSeconds(2),
        retries,
        startPeriod,
        startInterval,
        false);
  }

  private HealthMonitor start(HealthConfig config, Probe probe) {
    return HealthMonitor.start("c1", config, probe, ticker, transitions::add);
  }

  @Test
  void firstProbeRunsOneIntervalAfterStartAndPassingMakesHealthy() {
    HealthMonitor monitor = start(config(Duration.ofSeconds(1), 3, Duration.ZERO, null), scripted);

    ticker.advance(Duration.ofMillis(999));
    assertThat(probes).isZero();
    assertThat(monitor.status()).isEqualTo(HealthStatus.STARTING);

    ticker.advance(Duration.ofMillis(1));
    assertThat(probes).isEqualTo(1);
    assertThat(monitor.status()).isEqualTo(HealthStatus.HEALTHY);
    assertThat(transitions)
        .extracting(HealthTransition::from, HealthTransition::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(HealthStatus.STARTING, HealthStatus.HEALTHY));
  }

  @Test
  void resumedMonitor_keepsTheRecordedStatusUntilAProbeChangesIt() {
    exitCodes.addAll(List.of(1));
    HealthMonitor monitor =
        HealthMonitor.resume(
            "c1",
            config(Duration.ofSeconds(1), 2, Duration.ZERO, null),
            scripted,
            ticker,
            transitions::add,
            HealthStatus.HEALTHY,
            1);

    assertThat(monitor.status()).isEqualTo(HealthStatus.HEALTHY);
    assertThat(monitor.failingStreak()).isEqualTo(1);
    ticker.advance(Duration.ofSeconds(1));
    assertThat(monitor.status()).isEqualTo(HealthStatus.UNHEALTHY);
    assertThat(transitions)
        .extracting(HealthTransition::from, HealthTransition::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(HealthStatus.HEALTHY, HealthStatus.UNHEALTHY));
  }

  @Test
  void becomesUnhealthyOnlyAfterRetriesConsecutiveFailures() {
    exitCodes.addAll(List.of(1, 1, 0, 1, 1, 1));
    HealthMonitor monitor = start(config(Duration.ofSeconds(1), 3, Duration.ZERO, null), scripted);

    ticker.advance(Duration.ofSeconds(2));
    assertThat(monitor.status()).isEqualTo(HealthStatus.STARTING);
    assertThat(monitor.failingStreak()).isEqualTo(2);

    ticker.advance(Duration.ofSeconds(1));
    assertThat(monitor.status()).isEqualTo(HealthStatus.HEALTHY);
    assertThat(monitor.failingStreak()).isZero();

    ticker.advance(Duration.ofSeconds(2));
    assertThat(monitor.status()).isEqualTo(HealthStatus.HEALTHY);
    ticker.advance(Duration.ofSeconds(1));
    assertThat(monitor.status()).isEqualTo(HealthStatus.UNHEALTHY);
    assertThat(transitions)
        .extracting(HealthTransition::to)
        .containsExactly(HealthStatus.HEALTHY, HealthStatus.UNHEALTHY);
  }

  @Test
  void failuresInsideStartPeriodDoNotCountAndStartIntervalIsUsedThere() {
    exitCodes.addAll(List.of(1, 1, 1, 1, 1, 1, 1, 1));
    HealthMonitor monitor =
        start(
            config(Duration.ofSeconds(10), 1, Duration.ofSeconds(3), Duration.ofSeconds(1)),
            scripted);

    ticker.advance(Duration.ofMillis(2500));
    assertThat(probes).isEqualTo(2);
    assertThat(monitor.status()).isEqualTo(HealthStatus.STARTING);
    assertThat(monitor.failingStreak()).isZero();

    // The probe at 3 s falls outside the 3 s start period and counts (retries = 1).
    ticker.advance(Duration.ofMillis(500));
    assertThat(probes).isEqualTo(3);
    assertThat(monitor.status()).isEqualTo(HealthStatus.UNHEALTHY);

    // After the start period the regular 10 s interval applies.
    ticker.advance(Duration.ofSeconds(9));
    assertThat(probes).isEqualTo(3);
    ticker.advance(Duration.ofSeconds(1));
    assertThat(probes).isEqualTo(4);
  }

  @Test
  void probeRunningPastTimeoutCountsAsFailedWithDockersMessage() {
    List<Promise<ProbeResult>> hanging = new ArrayList<>();
    Probe never =
        timeout -> {
          Promise<ProbeResult> p = Promise.promise();
          hanging.add(p);
          return p.future();
        };
    HealthMonitor monitor = start(config(Duration.ofSeconds(1), 1, Duration.ZERO, null), never);

    ticker.advance(Duration.ofSeconds(1));
    assertThat(hanging).hasSize(1);
    ticker.advance(Duration.ofMillis(1999));
    assertThat(monitor.log()).isEmpty();
    ticker.advance(Duration.ofMillis(1));

    assertThat(monitor.status()).isEqualTo(HealthStatus.UNHEALTHY);
    assertThat(monitor.log())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.exitCode()).isEqualTo(-1);
              assertThat(r.output()).isEqualTo("Health check exceeded timeout (2s)");
            });
    // A late answer from the killed probe is ignored.
    hanging.get(0).complete(new ProbeResult(ticker.now(), ticker.now(), 0, "late"));
    assertThat(monitor.status()).isEqualTo(HealthStatus.UNHEALTHY);
    assertThat(monitor.log()).hasSize(1);
  }

  @Test
  void keepsOnlyTheLastFiveResultsOldestFirst() {
    exitCodes.addAll(List.of(1, 2, 3, 4, 5, 6, 7));
    HealthMonitor monitor = start(config(Duration.ofSeconds(1), 10, Duration.ZERO, null), scripted);

    ticker.advance(Duration.ofSeconds(7));

    assertThat(monitor.log()).extracting(ProbeResult::exitCode).containsExactly(3, 4, 5, 6, 7);
  }

  @Test
  void closedMonitorProbesNoMore() {
    HealthMonitor monitor = start(config(Duration.ofSeconds(1), 3, Duration.ZERO, null), scripted);
    ticker.advance(Duration.ofSeconds(1));
    monitor.close();

    ticker.advance(Duration.ofSeconds(10));

    assertThat(probes).isEqualTo(1);
    assertThat(ticker.pending()).isZero();
  }

  @Test
  void disabledCheckCannotBeMonitored() {
    assertThatThrownBy(() -> start(HealthConfig.none(), scripted))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no healthcheck");
    assertThat(HealthConfig.of(List.of("NONE")).disabled()).isTrue();
  }
}
