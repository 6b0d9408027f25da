package io.jcompose.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The orchestrator end to end on the built-in runtime, through {@code ./jcompose}: scale, recreate
 * by config hash, logs/exec/run, named volumes across {@code down}, restart policies. All tests
 * share one state (one daemon, one import of the busybox image); each has its own project and
 * compose file and takes it down with {@code down -v} at its end.
 */
class OrchestratorIT {

  private static final String IMAGE = "jcompose-samples/busybox:1";

  @TempDir static Path files;
  private static SampleStack state;

  @BeforeAll
  static void importBusybox() throws IOException {
    Path base = write("base", service("idle", "sleep 60"));
    state = SampleStack.ofComposeFile(base, "orch");
    CommandResult images = state.importImages("busybox");
    assertThat(images.succeeded()).as(images.describe()).isTrue();
  }

  @AfterAll
  static void stopDaemon() throws IOException {
    if (state != null) {
      state.close();
    }
  }

  @Test
  void scale_addsReplicasNumberedUpward_andScalingDownRemovesTheHighestNumbers() throws Exception {
    try (SampleStack p = project("scale", service("w", "sleep 3600"))) {
      ok(p.compose("up", "-d", "--scale", "w=3"));
      assertThat(namesOf(p, "w"))
          .containsExactly(p.project() + "-w-1", p.project() + "-w-2", p.project() + "-w-3");
      assertThat(p.containers()).allSatisfy(c -> assertThat(state(c)).isEqualTo("running"));

      ok(p.compose("up", "-d", "--scale", "w=1"));
      assertThat(namesOf(p, "w")).containsExactly(p.project() + "-w-1");
    }
  }

  @Test
  void up_recreatesOnlyTheServiceWhoseConfigChanged() throws Exception {
    String before = service("a", "sleep 3600", "MODE=one") + service("b", "sleep 3600", "MODE=one");
    String after = service("a", "sleep 3600", "MODE=two") + service("b", "sleep 3600", "MODE=one");
    try (SampleStack p = project("recreate", before)) {
      ok(p.compose("up", "-d"));
      Map<String, String> first = idsByService(p);
      assertThat(first).containsOnlyKeys("a", "b");

      Files.writeString(files.resolve("recreate").resolve("compose.yaml"), header() + after);
      ok(p.compose("up", "-d"));
      Map<String, String> second = idsByService(p);

      assertThat(second).containsOnlyKeys("a", "b");
      assertThat(second.get("a")).as("a's environment changed").isNotEqualTo(first.get("a"));
      assertThat(second.get("b")).as("b is unchanged").isEqualTo(first.get("b"));
    }
  }

  @Test
  void logs_exec_andRun_reachTheServiceContainer() throws Exception {
    try (SampleStack p = project("lexr", service("s", "echo marker-7f3a-ready; exec sleep 3600"))) {
      ok(p.compose("up", "-d"));
      assertThat(awaitLogs(p, "s", "marker-7f3a-ready", Duration.ofSeconds(10)))
          .as("logs of s show the marker it echoed")
          .isTrue();

      CommandResult exec = p.compose("exec", "s", "sh", "-c", "exit 7");
      assertThat(exec.exitCode()).as(exec.describe()).isEqualTo(7);

      int before = p.containers().size();
      CommandResult run = p.compose("run", "--rm", "s", "echo", "hi");
      assertThat(run.succeeded()).as(run.describe()).isTrue();
      assertThat(run.stdout().lines()).as(run.describe()).contains("hi");
      assertThat(p.containers()).as("run --rm leaves no container").hasSize(before);
    }
  }

  @Test
  void healthGate_dependentStartsRightAfterItsDependencysFirstPassingProbe() throws Exception {
    // db turns ready 1.5 s after it starts; each passing probe appends the kernel's uptime (the
    // same clock in every container) to a shared volume, and app records the uptime it started.
    String yaml =
        service("db", "sleep 1.5; touch /tmp/ready; exec sleep 3600")
            + "    healthcheck:\n"
            + "      test: [\"CMD-SHELL\", \"test -f /tmp/ready && cut -d' ' -f1 /proc/uptime"
            + " >> /shared/healthy\"]\n"
            + "      interval: 300ms\n"
            + "      retries: 30\n"
            + "    volumes:\n      - shared:/shared\n"
            + service("app", "cut -d' ' -f1 /proc/uptime > /shared/app-started; exec sleep 3600")
            + "    volumes:\n      - shared:/shared\n"
            + "    depends_on:\n      db:\n        condition: service_healthy\n"
            + "volumes:\n  shared: {}\n";
    try (SampleStack p = project("gate", yaml)) {
      ok(p.compose("up", "-d"));
      CommandResult cat =
          p.compose(
              "exec", "-T", "app", "sh", "-c", "head -n1 /shared/healthy; cat /shared/app-started");
      List<String> times = cat.stdout().lines().toList();
      assertThat(times).as(cat.describe()).hasSize(2);
      double firstHealthy = Double.parseDouble(times.get(0));
      double appStarted = Double.parseDouble(times.get(1));
      assertThat(appStarted)
          .as("app starts after db's first passing probe, not before")
          .isGreaterThanOrEqualTo(firstHealthy);
      // Event-driven, not polled: a generous bound for a loaded machine (uptime has 10 ms steps).
      assertThat(appStarted - firstHealthy).as("from db healthy to app started, s").isLessThan(1.0);
      ok(p.compose("down", "-v"));
    }
  }

  @Test
  void namedVolume_survivesDown_butNotDownWithVolumes() throws Exception {
    String yaml =
        service(
                "v",
                "if [ -f /data/marker ]; then echo volume-kept; else echo volume-new;"
                    + " echo written > /data/marker; fi; exec sleep 3600")
            + "    volumes:\n      - data:/data\nvolumes:\n  data: {}\n";
    try (SampleStack p = project("vol", yaml)) {
      String volume = p.project() + "_data";
      ok(p.compose("up", "-d"));
      assertThat(awaitLogs(p, "v", "volume-new", Duration.ofSeconds(10))).isTrue();
      assertThat(volumeNames(p)).contains(volume);

      ok(p.compose("down"));
      assertThat(volumeNames(p)).as("down keeps named volumes").contains(volume);
      ok(p.compose("up", "-d"));
      assertThat(awaitLogs(p, "v", "volume-kept", Duration.ofSeconds(10)))
          .as("the file written before down is still in the volume")
          .isTrue();
      CommandResult cat = p.compose("exec", "v", "cat", "/data/marker");
      assertThat(cat.stdout()).as(cat.describe()).contains("written");

      ok(p.compose("down", "-v"));
      assertThat(volumeNames(p)).as("down -v removes the volume").doesNotContain(volume);
    }
  }

  @Test
  void onFailureWithMax_restartsTwice_thenLeavesTheContainerExited() throws Exception {
    String yaml = service("f", "echo boom; exit 1") + "    restart: on-failure:2\n";
    try (SampleStack p = project("restart", yaml)) {
      ok(p.compose("up", "-d"));
      Optional<JsonNode> settled = Optional.empty();
      Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
      while (settled.isEmpty() && Instant.now().isBefore(deadline)) {
        settled =
            p.containers().stream()
                .filter(c -> c.path("RestartCount").asInt() == 2 && state(c).equals("exited"))
                .findFirst();
        Thread.sleep(500);
      }
      assertThat(settled)
          .as("RestartCount 2 and exited within 20 s; last seen: %s", p.containers())
          .isPresent();
      Thread.sleep(2000);
      assertThat(p.containers())
          .as("no third restart")
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.path("RestartCount").asInt()).isEqualTo(2);
                assertThat(state(c)).isEqualTo("exited");
                assertThat(c.path("ExitCode").asInt()).isEqualTo(1);
              });
    }
  }

  @Test
  void systemPrune_releasesTheStoppedContainersAddressAndRecord() throws Exception {
    // One restart makes the engine write a record for the container (it only keeps one for
    // containers with a restart policy or a healthcheck).
    String yaml =
        service("once", "ip -4 -o addr show eth0; exit 1") + "    restart: on-failure:1\n";
    try (SampleStack p = project("prune", yaml)) {
      ok(p.compose("up", "-d"));
      String first = awaitAddress(p);
      JsonNode stopped = p.containers().get(0);
      String id = stopped.path("ID").asText();
      Path record = p.stateDir().resolve("root/engine/containers/" + id + ".json");
      assertThat(record).as("the engine keeps a record while the container exists").exists();

      CommandResult prune = p.jcompose("system", "prune", "-f");
      ok(prune);

      assertThat(prune.stdout()).contains(stopped.path("Name").asText());
      assertThat(p.containers()).as("ps -a after prune").isEmpty();
      awaitGone(record);
      ok(p.compose("up", "-d"));
      assertThat(awaitAddress(p))
          .as("the pruned container's address is free again for the next one")
          .isEqualTo(first);
    }
  }

  /** The address the {@code once} service printed (its only container, exited). */
  private static String awaitAddress(SampleStack p) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("inet (\\S+)/")
              .matcher(p.compose("logs", "--no-color", "once").stdout());
      if (m.find()
          && p.containers().stream()
              .allMatch(c -> state(c).equals("exited") && c.path("RestartCount").asInt() == 1)) {
        return m.group(1);
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "once printed no address and exited after one restart within 20 s: " + p.containers());
  }

  private static void awaitGone(Path file) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
    while (Files.exists(file) && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertThat(file).as("the engine's record of the pruned container").doesNotExist();
  }

  private static SampleStack project(String name, String services) throws IOException {
    return state.forComposeFile(write(name, services), name);
  }

  private static Path write(String name, String services) throws IOException {
    Path dir = Files.createDirectories(files.resolve(name));
    return Files.writeString(dir.resolve("compose.yaml"), header() + services);
  }

  private static String header() {
    return "services:\n";
  }

  /** A busybox service running {@code sh -c script} under an init, so stop is quick. */
  private static String service(String name, String script, String... environment) {
    StringBuilder yaml =
        new StringBuilder()
            .append("  ")
            .append(name)
            .append(":\n    image: ")
            .append(IMAGE)
            .append("\n    init: true\n    command: [\"sh\", \"-c\", \"")
            .append(script.replace("\"", "\\\""))
            .append("\"]\n");
    if (environment.length > 0) {
      yaml.append("    environment:\n");
      for (String pair : environment) {
        yaml.append("      - ").append(pair).append('\n');
      }
    }
    return yaml.toString();
  }

  private static void ok(CommandResult result) {
    assertThat(result.succeeded()).as(result.describe()).isTrue();
  }

  private static String state(JsonNode container) {
    return container.path("State").asText();
  }

  private static List<String> namesOf(SampleStack p, String service) {
    return p.containers().stream()
        .filter(c -> c.path("Service").asText().equals(service))
        .map(c -> c.path("Name").asText())
        .sorted()
        .toList();
  }

  private static Map<String, String> idsByService(SampleStack p) {
    return p.containers().stream()
        .collect(Collectors.toMap(c -> c.path("Service").asText(), c -> c.path("ID").asText()));
  }

  private static List<String> volumeNames(SampleStack p) {
    CommandResult ls = p.compose("volume", "ls", "-q");
    ok(ls);
    return ls.stdout().lines().map(String::trim).toList();
  }

  private static boolean awaitLogs(SampleStack p, String service, String text, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (p.compose("logs", "--no-color", service).stdout().contains(text)) {
        return true;
      }
      Thread.sleep(300);
    }
    return false;
  }
}
