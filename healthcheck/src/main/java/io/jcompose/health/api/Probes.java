package io.jcompose.health.api;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/** Static factories for {@link Probe}s. */
public final class Probes {

  private Probes() {}

  /**
   * The probe a compose {@code healthcheck.test} describes: {@code [CMD, argv…]} runs argv, {@code
   * [CMD-SHELL, script]} runs {@code /bin/sh -c script}.
   *
   * @throws IllegalArgumentException for {@code NONE} or an unknown form
   */
  public static Probe fromTest(List<String> test, ProbeExecutor executor) {
    if (test.isEmpty()) {
      throw new IllegalArgumentException("healthcheck.test: empty");
    }
    List<String> rest = test.subList(1, test.size());
    switch (test.get(0)) {
      case "CMD":
        return command(rest, executor);
      case "CMD-SHELL":
        return shell(String.join(" ", rest), executor);
      default:
        throw new IllegalArgumentException(
            "healthcheck.test: cannot probe with " + test.get(0) + "; use CMD or CMD-SHELL");
    }
  }

  /** Runs argv directly ({@code CMD}). */
  public static Probe command(List<String> argv, ProbeExecutor executor) {
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("healthcheck.test: CMD needs a command after it");
    }
    List<String> copy = List.copyOf(argv);
    return timeout -> recoverFailure(executor.exec(copy, timeout));
  }

  /** Runs a shell script with {@code /bin/sh -c} ({@code CMD-SHELL}). */
  public static Probe shell(String script, ProbeExecutor executor) {
    return command(List.of("/bin/sh", "-c", script), executor);
  }

  // A probe that cannot even start (no shell in the image, container gone) is a failed probe,
  // as in Docker, not an error of the monitor.
  private static Future<ProbeResult> recoverFailure(Future<ProbeResult> run) {
    Instant start = Instant.now();
    return run.recover(
        failure ->
            Future.succeededFuture(
                new ProbeResult(start, Instant.now(), -1, String.valueOf(failure.getMessage()))));
  }
}
