package io.jcompose.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.health.api.ProbeExecutor;
import io.jcompose.health.api.ProbeResult;
import io.jcompose.health.api.Probes;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbesTest {

  private final List<List<String>> ran = new ArrayList<>();
  private final ProbeExecutor recording =
      (argv, timeout) -> {
        ran.add(argv);
        return Future.succeededFuture(new ProbeResult(Instant.EPOCH, Instant.EPOCH, 0, "ok"));
      };

  @Test
  void cmdRunsArgvAsGiven() {
    Probes.fromTest(List.of("CMD", "test", "-f", "/ready"), recording).run(Duration.ofSeconds(1));
    assertThat(ran).containsExactly(List.of("test", "-f", "/ready"));
  }

  @Test
  void cmdShellRunsThroughBinSh() {
    Probes.fromTest(List.of("CMD-SHELL", "wget -q localhost || exit 1"), recording)
        .run(Duration.ofSeconds(1));
    assertThat(ran).containsExactly(List.of("/bin/sh", "-c", "wget -q localhost || exit 1"));
  }

  @Test
  void execThatCannotStartIsAFailedProbeNotAnError() {
    ProbeExecutor broken = (argv, timeout) -> Future.failedFuture("no such file: /bin/sh");
    ProbeResult result = Probes.shell("true", broken).run(Duration.ofSeconds(1)).result();
    assertThat(result.exitCode()).isEqualTo(-1);
    assertThat(result.output()).contains("no such file");
  }

  @Test
  void noneIsNotAProbe() {
    assertThatThrownBy(() -> Probes.fromTest(List.of("NONE"), recording))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CMD or CMD-SHELL");
  }

  @Test
  void outputIsTruncatedTo4096Characters() {
    ProbeResult r = new ProbeResult(Instant.EPOCH, Instant.EPOCH, 0, "x".repeat(5000));
    assertThat(r.output()).hasSize(ProbeResult.MAX_OUTPUT);
  }
}
