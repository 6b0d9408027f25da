package io.jcompose.runtime.linux;

import static io.jcompose.runtime.linux.LinuxRuntimeFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.ContainerState;
import io.vertx.core.Future;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Containers that exit at once, many of them, on a busy machine: each must report its own exit
 * code. Inspecting in a tight loop while the shim records the exit is what once turned an exit 0
 * into 255 ("shim gone without an exit file"); waiting while the exit is settled once left the
 * waiter without an answer.
 */
class ShortLivedExitIT {
  private static final int CONTAINERS = 200;
  private static final int PARALLEL = 4;
  private static final long LOAD_MILLIS = 120_000;

  private static LinuxRuntimeFixture fixture;

  /** Where the busy loops leave their result, so the JIT cannot drop them. */
  private static volatile long sink;

  @BeforeAll
  static void setUp() throws IOException {
    fixture = new LinuxRuntimeFixture();
  }

  @AfterAll
  static void tearDown() {
    fixture.close();
  }

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void shortLivedContainers_underLoad_reportTheirRealExitCode() throws Exception {
    String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    long loadUntil = System.currentTimeMillis() + LOAD_MILLIS;
    ExecutorService load = Executors.newFixedThreadPool(2);
    ExecutorService workers = Executors.newFixedThreadPool(PARALLEL);
    ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    AtomicInteger checked = new AtomicInteger();
    try {
      for (int i = 0; i < 2; i++) {
        load.submit(() -> busyUntil(loadUntil));
      }
      List<java.util.concurrent.Future<?>> jobs = new ArrayList<>();
      for (int i = 0; i < CONTAINERS; i++) {
        int n = i;
        jobs.add(
            workers.submit(
                () -> {
                  // true, exit 3 and exit 0 in turn: a lost exit (255) differs from all three.
                  int expected = n % 3 == 1 ? 3 : 0;
                  List<String> command =
                      n % 3 == 0 ? List.of("true") : List.of("sh", "-c", "exit " + expected);
                  int got = runToExit("short-exit-it-" + run + "-" + n, command);
                  checked.incrementAndGet();
                  if (got != expected) {
                    wrong.add(String.join(" ", command) + " exited " + got);
                  }
                  return null;
                }));
      }
      for (var job : jobs) {
        job.get(200, TimeUnit.SECONDS);
      }
    } finally {
      workers.shutdownNow();
      load.shutdownNow();
    }
    assertThat(checked).hasValue(CONTAINERS);
    assertThat(wrong).isEmpty();
  }

  /** Starts a container, inspects it until it no longer runs, and returns its exit code. */
  private static int runToExit(String name, List<String> command) {
    ContainerState c =
        await(fixture.runtime.create(ContainerSpec.of(name, "busybox").withCommand(command)));
    try {
      await(fixture.runtime.start(c.id()));
      // One waiter registered while the container exits, one after: both must be told.
      Future<ContainerState> early = fixture.runtime.waitForExit(c.id());
      ContainerState now = await(fixture.runtime.inspect(c.id()));
      while (now.isAlive()) {
        now = await(fixture.runtime.inspect(c.id()));
      }
      ContainerState late = await(fixture.runtime.waitForExit(c.id()));
      assertThat(await(early).exitCode()).isEqualTo(now.exitCode());
      assertThat(late.exitCode()).isEqualTo(now.exitCode());
      return now.exitCode();
    } finally {
      await(fixture.runtime.remove(c.id(), true));
    }
  }

  /** Keeps one core busy until the deadline or an interrupt: the race only showed under load. */
  private static void busyUntil(long deadline) {
    long x = 0;
    while (System.currentTimeMillis() < deadline && !Thread.currentThread().isInterrupted()) {
      for (int i = 0; i < 100_000; i++) {
        x += i * 31L ^ x;
      }
    }
    sink = x;
  }
}
