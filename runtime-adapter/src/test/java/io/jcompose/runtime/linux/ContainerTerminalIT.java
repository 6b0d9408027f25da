package io.jcompose.runtime.linux;

import static io.jcompose.runtime.linux.LinuxRuntimeFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.runtime.api.AttachedExec;
import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.ExecSpec;
import io.jcompose.runtime.api.LogOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A process given a terminal (tty: true, an interactive run, exec -t) sees it as a /dev/pts/N of
 * the container's own devpts, as under docker: {@code tty} names it instead of "not a tty".
 */
class ContainerTerminalIT {
  private static LinuxRuntimeFixture fixture;

  @BeforeAll
  static void setUp() throws IOException {
    fixture = new LinuxRuntimeFixture();
  }

  @AfterAll
  static void tearDown() {
    fixture.close();
  }

  @AfterEach
  void removeContainers() {
    fixture.removeCreated();
  }

  @Test
  void ttyContainer_namesItsTerminalInsideTheContainer() {
    ContainerState c = await(fixture.runtime.create(spec(true, "sh", "-c", "tty; ls -1 /dev/pts")));
    await(fixture.runtime.start(c.id()));
    await(fixture.runtime.waitForExit(c.id()));
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    await(fixture.runtime.logs(c.id(), LogOptions.ALL, l -> lines.add(l.text())));
    // The container's devpts holds its terminal alone (a terminal ends lines with \r\n).
    assertThat(lines.stream().map(String::strip)).containsExactly("/dev/pts/0", "0", "ptmx");
  }

  @Test
  void interactiveRun_namesItsTerminalInsideTheContainer() throws Exception {
    ContainerState c = await(fixture.runtime.create(spec(true, "tty")));
    AttachedExec a = await(fixture.runtime.startAttached(c.id(), 80, 24));
    CompletableFuture<String> out = readAll(a.stdout());
    assertThat(await(a.exitCode())).isZero();
    assertThat(out.get(30, TimeUnit.SECONDS)).isEqualTo("/dev/pts/0\r\n");
  }

  @Test
  void execWithTty_namesItsTerminalInsideTheContainer() throws Exception {
    ContainerState c = await(fixture.runtime.create(spec(false, "sleep", "1000")));
    await(fixture.runtime.start(c.id()));
    ExecSpec tty =
        new ExecSpec(
            List.of("sh", "-c", "tty && test -c \"$(tty)\" && echo exists"),
            Map.of(),
            null,
            null,
            true,
            null);
    AttachedExec a = await(fixture.runtime.execAttached(c.id(), tty));
    CompletableFuture<String> out = readAll(a.stdout());
    assertThat(await(a.exitCode())).isZero();
    a.stdin().close();
    assertThat(out.get(30, TimeUnit.SECONDS).replace("\r", "")).matches("/dev/pts/\\d+\nexists\n");
    await(fixture.runtime.stop(c.id(), Duration.ZERO));
  }

  private ContainerSpec spec(boolean tty, String... command) {
    return fixture.spec("tty-it", command).withTty(tty);
  }

  private static CompletableFuture<String> readAll(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
          byte[] chunk = new byte[4096];
          try (in) {
            for (int n; (n = in.read(chunk)) >= 0; ) {
              buf.write(chunk, 0, n);
            }
          } catch (IOException e) {
            // A terminal's master reports EIO once the other side is closed: that is its end.
          }
          return buf.toString(StandardCharsets.UTF_8);
        });
  }
}
