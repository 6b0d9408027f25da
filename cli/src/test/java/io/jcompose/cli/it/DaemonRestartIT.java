package io.jcompose.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.scheduler.daemon.PidFile;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon dies with {@code kill -9}; the containers keep running, the next CLI call starts a new
 * daemon, which re-adopts them and serves their published port again. Needs root and
 * busybox-static.
 */
class DaemonRestartIT {

  @TempDir static Path tmp;
  private static CliProcess cli;
  private static Path run;
  private static int port;
  private static String project;

  @BeforeAll
  static void importImageAndWriteProject() throws Exception {
    String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
    project = "itd" + suffix;
    run = tmp.resolve("run");
    Path dir = Files.createDirectories(tmp.resolve(project));
    cli =
        new CliProcess(
            dir,
            Map.of(
                "JCOMPOSE_ROOT", tmp.resolve("root").toString(),
                "JCOMPOSE_RUN", run.toString(),
                "JCOMPOSE_TTY", ""));
    Path tar = busyboxTar(tmp.resolve("rootfs"));
    CliProcess.Result imported = cli.run("image", "import", tar.toString(), "itest/busybox:1");
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    port = freePort();
    Files.createDirectories(dir.resolve("www"));
    Files.writeString(dir.resolve("www/index.html"), "hello from " + project + "\n");
    Files.writeString(
        dir.resolve("compose.yaml"),
        "services:\n"
            + "  web:\n"
            + "    image: itest/busybox:1\n"
            + "    command: [\"httpd\", \"-f\", \"-p\", \"8080\", \"-h\", \"/www\"]\n"
            + "    init: true\n"
            + "    ports: [\"127.0.0.1:"
            + port
            + ":8080\"]\n"
            + "    volumes: [\"./www:/www:ro\"]\n"
            // Only the first probe passes, and after it the next is an hour away; a restarted
            // daemon that forgot the status would probe again in the start period, fail
            // without it counting, and show starting.
            + "    healthcheck:\n"
            + "      test: [\"CMD-SHELL\", \"[ ! -e /probed ] && : > /probed\"]\n"
            + "      interval: 1h\n"
            + "      start_period: 1m\n"
            + "      start_interval: 200ms\n");
  }

  @AfterAll
  static void takeDown() throws Exception {
    if (cli != null) {
      cli.run("down", "-t", "1");
      cli.run("daemon", "stop");
    }
  }

  @Test
  void killedDaemon_isRestartedByTheNextCall_andReadoptsRunningContainers() throws Exception {
    CliProcess.Result up = cli.run("--progress", "plain", "up", "-d");
    assertThat(up.exitCode()).as(up.err()).isZero();
    assertThat(get(port)).contains("hello from " + project);
    assertThat(awaitHealth("healthy")).contains("\"Health\":\"healthy\"");
    long daemonPid = PidFile.read(run.resolve(PidFile.NAME)).orElseThrow();

    ProcessHandle daemon = ProcessHandle.of(daemonPid).orElseThrow();
    daemon.destroyForcibly();
    daemon.onExit().get(10, TimeUnit.SECONDS);

    CliProcess.Result ps = cli.run("ps", "--format", "json");
    assertThat(ps.exitCode()).as(ps.err()).isZero();
    assertThat(ps.err()).contains("starting the daemon");
    assertThat(ps.out()).contains("\"State\":\"running\"").contains(project + "-web-1");
    assertThat(ps.out()).as("health kept across the restart").contains("\"Health\":\"healthy\"");
    assertThat(PidFile.read(run.resolve(PidFile.NAME))).isPresent().isNotEqualTo(daemonPid);
    assertThat(get(port)).contains("hello from " + project);

    CliProcess.Result down = cli.run("--progress", "plain", "down", "-t", "1");
    assertThat(down.exitCode()).as(down.err()).isZero();
    assertThat(cli.run("ps", "-a", "-q").out()).isBlank();
    // dnsjava logs through SLF4J; without a binder on the class path the log began with a warning.
    // (This test's class path holds the binder twice, jar and repository, so SLF4J notes that.)
    assertThat(Files.readString(run.resolve("jcompose.log")))
        .doesNotContain("Failed to load class \"org.slf4j.impl.StaticLoggerBinder\"");
  }

  /** Polls {@code ps --format json} until the web container's health is {@code word}. */
  private static String awaitHealth(String word) throws Exception {
    String out = "";
    for (int i = 0; i < 100; i++) {
      out = cli.run("ps", "--format", "json").out();
      if (out.contains("\"Health\":\"" + word + "\"")) {
        return out;
      }
      Thread.sleep(100);
    }
    return out;
  }

  private static Path busyboxTar(Path rootfs) throws IOException, InterruptedException {
    Files.createDirectories(rootfs.resolve("bin"));
    Files.copy(Path.of("/bin/busybox"), rootfs.resolve("bin/busybox"));
    for (String applet : new String[] {"sh", "httpd", "sleep"}) {
      Files.createSymbolicLink(rootfs.resolve("bin/" + applet), Path.of("busybox"));
    }
    Path tar = rootfs.resolveSibling("busybox.tar");
    Process p =
        new ProcessBuilder("tar", "-C", rootfs.toString(), "-cf", tar.toString(), ".")
            .inheritIO()
            .start();
    assertThat(p.waitFor()).isZero();
    return tar;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String get(int port) throws IOException, InterruptedException {
    IOException last = null;
    for (int i = 0; i < 50; i++) {
      try {
        HttpURLConnection c =
            (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/").openConnection();
        c.setConnectTimeout(1000);
        c.setReadTimeout(2000);
        return new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        last = e;
        Thread.sleep(100);
      }
    }
    throw last;
  }
}
