package io.jcompose.runtime.linux;

import static io.jcompose.runtime.linux.LinuxRuntimeFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.ExecSpec;
import io.jcompose.runtime.api.LogOptions;
import io.jcompose.runtime.api.MountSpec;
import io.jcompose.runtime.api.SecurityOptions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Docker's default seccomp filter in real containers. A static probe (compiled from {@code
 * seccomp/probe.c} with {@code cc -static}, bind-mounted at {@code /probe}) tries calls the filter
 * refuses although the default capabilities would allow them, so what it sees is the filter's
 * doing.
 */
class SeccompIT {
  private static final String RUN_PROBE = "grep '^Seccomp:' /proc/self/status; /probe/probe";

  private static LinuxRuntimeFixture fixture;
  private static Path probeDir;

  @BeforeAll
  static void setUp() throws Exception {
    fixture = new LinuxRuntimeFixture();
    probeDir = Files.createDirectories(fixture.base.resolve("probe"));
    Path source = probeDir.resolve("probe.c");
    try (InputStream in = SeccompIT.class.getResourceAsStream("/seccomp/probe.c")) {
      Files.copy(in, source);
    }
    Process cc =
        new ProcessBuilder(
                "cc",
                "-static",
                "-O",
                "-o",
                probeDir.resolve("probe").toString(),
                source.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(cc.waitFor()).as("cc -static of the probe: %s", out).isZero();
  }

  @AfterAll
  static void tearDown() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void defaultContainer_refusesDockersCallsWithEpermAndClone3WithEnosys() {
    List<String> lines = runToEnd(spec(SecurityOptions.DEFAULT, "sh", "-c", RUN_PROBE));
    assertThat(lines)
        .containsExactly(
            "Seccomp:\t2",
            "unshare_user=1",
            "clone_newuser=1",
            "clone3=38",
            "add_key=1",
            "io_uring_setup=1",
            "personality_query=0",
            "personality_no_aslr=1",
            "socket_vsock=1",
            "i386_unshare=1",
            "x32_move_pages=1");
  }

  @Test
  void defaultContainer_pid1IsFilteredAndBusyboxUnshareFails() {
    List<String> lines =
        runToEnd(
            spec(
                SecurityOptions.DEFAULT,
                "sh",
                "-c",
                "grep '^Seccomp:' /proc/1/status; unshare -U true 2>&1; echo exit=$?"));
    assertThat(lines).first().isEqualTo("Seccomp:\t2");
    assertThat(lines).anyMatch(l -> l.contains("Operation not permitted")).endsWith("exit=1");
  }

  @Test
  void seccompUnconfined_runsWithoutAFilter() {
    List<String> lines =
        runToEnd(spec(SecurityOptions.DEFAULT.withSeccompUnconfined(true), "sh", "-c", RUN_PROBE));
    assertThat(lines)
        .contains("Seccomp:\t0", "unshare_user=0", "clone3=22", "add_key=0", "i386_unshare=0");
  }

  @Test
  void privileged_runsWithoutAFilter() {
    SecurityOptions privileged = new SecurityOptions(true, List.of(), List.of(), false, false);
    assertThat(runToEnd(spec(privileged, "grep", "^Seccomp:", "/proc/1/status")))
        .containsExactly("Seccomp:\t0");
  }

  @Test
  void capSysAdmin_liftsTheNamespaceCallsButNotTheKeyring() {
    SecurityOptions admin =
        new SecurityOptions(false, List.of("SYS_ADMIN"), List.of(), false, false);
    List<String> lines =
        runToEnd(spec(admin, "sh", "-c", RUN_PROBE + "; unshare -n true; echo unshare=$?"));
    assertThat(lines)
        .contains("Seccomp:\t2", "unshare_user=0", "clone3=22", "add_key=1", "unshare=0");
  }

  @Test
  void noNewPrivileges_stillGetsTheFilter() {
    SecurityOptions nnp = new SecurityOptions(false, List.of(), List.of(), true, false);
    assertThat(runToEnd(spec(nnp, "sh", "-c", RUN_PROBE)))
        .contains("Seccomp:\t2", "unshare_user=1", "add_key=1");
  }

  @Test
  void nonRootUser_withoutNoNewPrivileges_stillGetsTheFilter() {
    // Installed while CAP_SYS_ADMIN is still held: after the switch to uid 1000 it would be
    // refused.
    List<String> lines =
        runToEnd(
            specAsUser(
                "1000:1000",
                SecurityOptions.DEFAULT,
                "sh",
                "-c",
                "id -u; grep '^Seccomp:' /proc/self/status"));
    assertThat(lines).containsExactly("1000", "Seccomp:\t2");
  }

  @Test
  void exec_runsUnderTheContainersFilter() {
    ContainerState c = await(fixture.runtime.create(spec(SecurityOptions.DEFAULT, "sleep", "60")));
    try {
      await(fixture.runtime.start(c.id()));
      String out =
          await(fixture.runtime.exec(c.id(), ExecSpec.of(List.of("sh", "-c", RUN_PROBE)))).output();
      assertThat(out).contains("Seccomp:\t2", "unshare_user=1", "add_key=1", "i386_unshare=1");
    } finally {
      await(fixture.runtime.remove(c.id(), true));
    }
  }

  private static ContainerSpec spec(SecurityOptions security, String... command) {
    return specAsUser(null, security, command);
  }

  private static ContainerSpec specAsUser(
      String user, SecurityOptions security, String... command) {
    String name = "seccomp-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    return new ContainerSpec(
        name,
        "busybox",
        Map.of(),
        null,
        List.of(command),
        Map.of(),
        null,
        user,
        name,
        false,
        false,
        security,
        null,
        List.of(MountSpec.bind(probeDir.toString(), "/probe", true)),
        List.of(),
        Map.of(),
        null,
        false,
        null,
        null);
  }

  private static List<String> runToEnd(ContainerSpec spec) {
    ContainerState c = await(fixture.runtime.create(spec));
    try {
      await(fixture.runtime.start(c.id()));
      await(fixture.runtime.waitForExit(c.id()));
      List<String> lines = Collections.synchronizedList(new ArrayList<>());
      await(fixture.runtime.logs(c.id(), LogOptions.ALL, l -> lines.add(l.text())));
      return lines;
    } finally {
      await(fixture.runtime.remove(c.id(), true));
    }
  }
}
