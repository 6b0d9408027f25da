package io.jcompose.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ContainerRuntime} must do, against an image with a busybox userland. A runtime
 * passes it by extending this class and providing the runtime and the image reference.
 */
public abstract class ContainerRuntimeContract {
  private final List<String> created = new ArrayList<>();

  /** The runtime under test. */
  protected abstract ContainerRuntime runtime();

  /** A reference the runtime resolves to an image with busybox as {@code sh}, default CMD sh. */
  protected abstract String busyboxImage();

  /** Waits for a future (tests only). */
  protected static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A spec with a name unique to this run, removed after the test. */
  protected ContainerSpec spec(String... command) {
    String name = "contract-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    created.add(name);
    return ContainerSpec.of(name, busyboxImage()).withCommand(List.of(command));
  }

  protected ContainerState run(ContainerSpec spec) {
    ContainerState state = await(runtime().create(spec));
    return await(runtime().start(state.id()));
  }

  protected List<String> logs(String id) {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    await(runtime().logs(id, LogOptions.ALL, line -> lines.add(line.text())));
    return lines;
  }

  @AfterEach
  void removeContainers() {
    for (String name : created) {
      try {
        await(runtime().remove(name, true));
      } catch (NotFoundException e) {
        // Already removed by the test.
      }
    }
  }

  @Test
  void run_writesOutputToLogsAndExitsZero() {
    ContainerState c = run(spec("sh", "-c", "echo hello; echo oops >&2"));
    ContainerState exited = await(runtime().waitForExit(c.id()));
    assertThat(exited.status()).isEqualTo(ContainerStatus.EXITED);
    assertThat(exited.exitCode()).isZero();
    List<LogLine> lines = Collections.synchronizedList(new ArrayList<>());
    await(runtime().logs(c.id(), LogOptions.ALL, lines::add));
    assertThat(lines)
        .extracting(LogLine::stream, LogLine::text)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("stdout", "hello"),
            org.assertj.core.groups.Tuple.tuple("stderr", "oops"));
  }

  @Test
  void exitCode_isTheProcessExitCode() {
    ContainerState c = run(spec("sh", "-c", "exit 42"));
    assertThat(await(runtime().waitForExit(c.id())).exitCode()).isEqualTo(42);
  }

  @Test
  void process_isPid1AndSeesNoHostProcesses() {
    // echo is a shell builtin and sh expands the glob itself, so the shell is the only process
    // alive while /proc is read: exactly one pid, 1. (Counting `ps | wc` raced: ps could read
    // /proc before sh had forked wc.)
    ContainerState c = run(spec("sh", "-c", "echo pid=$$; echo /proc/[0-9]*"));
    await(runtime().waitForExit(c.id()));
    assertThat(logs(c.id())).containsExactly("pid=1", "/proc/1");
  }

  @Test
  void hostname_isTheSpecHostname() {
    ContainerSpec spec = spec("hostname");
    ContainerState c = run(spec);
    await(runtime().waitForExit(c.id()));
    assertThat(logs(c.id())).containsExactly(spec.hostname());
  }

  @Test
  void stop_killsAfterGraceWhenTermIsIgnored() {
    // PID 1 without a handler ignores SIGTERM, so only SIGKILL ends it.
    ContainerState c = run(spec("sleep", "1000"));
    Instant before = Instant.now();
    ContainerState stopped = await(runtime().stop(c.id(), Duration.ofMillis(700)));
    assertThat(Duration.between(before, Instant.now()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(700));
    assertThat(stopped.status()).isEqualTo(ContainerStatus.EXITED);
    assertThat(stopped.exitCode()).isEqualTo(137);
  }

  @Test
  void stop_endsAtOnceWhenTheProcessHandlesTerm() {
    ContainerState c = run(spec("sh", "-c", "trap 'exit 7' TERM; while true; do sleep 0.1; done"));
    await(runtime().exec(c.id(), ExecSpec.of(List.of("true"))));
    Instant before = Instant.now();
    ContainerState stopped = await(runtime().stop(c.id(), Duration.ofSeconds(20)));
    assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(5));
    assertThat(stopped.exitCode()).isEqualTo(7);
  }

  @Test
  void exec_runsInTheContainerAndReturnsItsExitCode() {
    ContainerState c = run(spec("sleep", "1000"));
    ExecResult ok =
        await(
            runtime()
                .exec(c.id(), ExecSpec.of(List.of("sh", "-c", "echo in; cat /proc/1/cmdline"))));
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.output()).startsWith("in\n").contains("sleep");
    ExecResult failed = await(runtime().exec(c.id(), ExecSpec.of(List.of("sh", "-c", "exit 3"))));
    assertThat(failed.exitCode()).isEqualTo(3);
  }

  @Test
  void exec_timesOut() {
    ContainerState c = run(spec("sleep", "1000"));
    ExecResult r =
        await(
            runtime()
                .exec(
                    c.id(),
                    new ExecSpec(
                        List.of("sleep", "30"),
                        Map.of(),
                        null,
                        null,
                        false,
                        Duration.ofMillis(300))));
    assertThat(r.timedOut()).isTrue();
    assertThat(r.exitCode()).isEqualTo(124);
  }

  @Test
  void pause_freezesAndUnpauseThaws() {
    ContainerState c = run(spec("sleep", "1000"));
    await(runtime().pause(c.id()));
    assertThat(await(runtime().inspect(c.id())).status()).isEqualTo(ContainerStatus.PAUSED);
    assertThatThrownBy(() -> await(runtime().exec(c.id(), ExecSpec.of(List.of("true")))))
        .isInstanceOf(ConflictException.class);
    await(runtime().unpause(c.id()));
    assertThat(await(runtime().inspect(c.id())).status()).isEqualTo(ContainerStatus.RUNNING);
    assertThat(await(runtime().exec(c.id(), ExecSpec.of(List.of("true")))).exitCode()).isZero();
  }

  @Test
  void logs_followStreamsUntilExit() {
    ContainerState c = run(spec("sh", "-c", "for i in 1 2 3; do echo line$i; sleep 0.2; done"));
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    ContainerRuntime.LogStream stream =
        await(
            runtime().logs(c.id(), new LogOptions(true, -1, null, null), l -> lines.add(l.text())));
    await(stream.ended());
    assertThat(lines).containsExactly("line1", "line2", "line3");
  }

  @Test
  void logs_tailKeepsTheLastLines() {
    ContainerState c = run(spec("sh", "-c", "for i in 1 2 3 4; do echo $i; done"));
    await(runtime().waitForExit(c.id()));
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    await(runtime().logs(c.id(), new LogOptions(false, 2, null, null), l -> lines.add(l.text())));
    assertThat(lines).containsExactly("3", "4");
  }

  @Test
  void list_filtersByLabels() {
    String mark = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    ContainerState a =
        await(runtime().create(spec("true").withLabels(Map.of("mark", mark, "k", "a"))));
    await(runtime().create(spec("true").withLabels(Map.of("mark", mark, "k", "b"))));
    assertThat(await(runtime().list(Map.of("mark", mark)))).hasSize(2);
    assertThat(await(runtime().list(Map.of("mark", mark, "k", "a"))))
        .extracting(ContainerState::id)
        .containsExactly(a.id());
  }

  @Test
  void create_refusesANameInUse() {
    ContainerSpec spec = spec("true");
    await(runtime().create(spec));
    assertThatThrownBy(() -> await(runtime().create(spec)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining(spec.name());
  }

  @Test
  void remove_refusesARunningContainerWithoutForce() {
    ContainerState c = run(spec("sleep", "1000"));
    assertThatThrownBy(() -> await(runtime().remove(c.id(), false)))
        .isInstanceOf(ConflictException.class);
    await(runtime().remove(c.id(), true));
    assertThatThrownBy(() -> await(runtime().inspect(c.id())))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void start_failsWithTheReasonWhenTheCommandDoesNotExist() {
    ContainerState c = await(runtime().create(spec("no-such-command")));
    assertThatThrownBy(() -> await(runtime().start(c.id())))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("no-such-command");
  }

  @Test
  void restart_runsTheSameContainerAgain() {
    ContainerState c = run(spec("sh", "-c", "echo run"));
    await(runtime().waitForExit(c.id()));
    await(runtime().start(c.id()));
    await(runtime().waitForExit(c.id()));
    assertThat(logs(c.id())).containsExactly("run", "run");
  }
}
