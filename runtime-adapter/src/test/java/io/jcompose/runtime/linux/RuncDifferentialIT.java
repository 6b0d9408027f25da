package io.jcompose.runtime.linux;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.LogOptions;
import io.jcompose.runtime.api.SecurityOptions;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same generated {@code config.json} under Debian's {@code runc} and under the shim must give
 * the process the same capabilities, no_new_privs, seccomp mode, ids, hostname and mount set, and
 * the same answer to a call only the seccomp filter refuses (unshare of a user namespace, which
 * needs no capability). runc ignores the overlay annotations, so for it the test mounts the overlay
 * root on the host itself.
 */
class RuncDifferentialIT {
  private static final String PROBE =
      "grep -E '^(CapInh|CapPrm|CapEff|CapBnd|CapAmb|NoNewPrivs|Seccomp:)' /proc/self/status; id;"
          + " hostname; cut -d' ' -f2,3 /proc/mounts | sort -u; unshare -U true 2>&1; echo"
          + " unshare=$?";

  private static LinuxRuntimeFixture fixture;

  @BeforeAll
  static void setUp() throws IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/sbin/runc")),
        "runc is not installed (apt-get install runc)");
    fixture = new LinuxRuntimeFixture();
  }

  @AfterAll
  static void tearDown() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void rootWithNoNewPrivileges_looksTheSameUnderRuncAndTheShim() throws Exception {
    compare(null, new SecurityOptions(false, List.of("NET_ADMIN"), List.of("MKNOD"), true, false));
  }

  @Test
  void numericUser_looksTheSameUnderRuncAndTheShim() throws Exception {
    compare("1000:1000", SecurityOptions.DEFAULT);
  }

  private void compare(String user, SecurityOptions security) throws Exception {
    String name = "diff-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    ContainerSpec base = ContainerSpec.of(name, "busybox").withCommand(List.of("sh", "-c", PROBE));
    ContainerSpec spec =
        new ContainerSpec(
            name,
            "busybox",
            Map.of(),
            null,
            base.command(),
            Map.of(),
            null,
            user,
            name,
            false,
            false,
            security,
            null,
            List.of(),
            List.of(),
            Map.of(),
            null,
            false,
            null,
            null);
    ContainerState c = await(fixture.runtime.create(spec));
    Path config = fixture.runtime.containerDir(c.id()).resolve("config.json");
    List<String> underRunc = runUnderRunc(config, name);
    await(fixture.runtime.start(c.id()));
    await(fixture.runtime.waitForExit(c.id()));
    List<String> underShim = Collections.synchronizedList(new ArrayList<>());
    await(fixture.runtime.logs(c.id(), LogOptions.ALL, l -> underShim.add(l.text())));
    await(fixture.runtime.remove(c.id(), true));
    assertThat(underShim).contains("NoNewPrivs:\t" + (security.noNewPrivileges() ? 1 : 0));
    assertThat(underShim).contains("Seccomp:\t2", "unshare=1");
    assertThat(underShim).isEqualTo(underRunc);
  }

  /** Runs the bundle's config under runc with the overlay root mounted on the host. */
  private static List<String> runUnderRunc(Path config, String id) throws Exception {
    Path bundle = Files.createDirectories(fixture.base.resolve("runc-" + id));
    Path rootfs = Files.createDirectories(bundle.resolve("rootfs"));
    Path upper = Files.createDirectories(bundle.resolve("upper"));
    Path work = Files.createDirectories(bundle.resolve("work"));
    ObjectMapper json = new ObjectMapper();
    ObjectNode tree = (ObjectNode) json.readTree(config.toFile());
    String lower = tree.path("annotations").path("io.jcompose.overlay.lowerdir").asText();
    ((ObjectNode) tree.path("root")).put("path", rootfs.toString());
    json.writeValue(bundle.resolve("config.json").toFile(), tree);
    run(
        "mount",
        "-t",
        "overlay",
        "overlay",
        "-o",
        "lowerdir=" + lower + ",upperdir=" + upper + ",workdir=" + work,
        rootfs.toString());
    try {
      String out =
          run(
              "runc",
              "--root",
              bundle.resolve("state").toString(),
              "run",
              "--bundle",
              bundle.toString(),
              "jcompose-diff-" + id);
      List<String> lines = new ArrayList<>(List.of(out.split("\n")));
      lines.removeIf(String::isEmpty);
      return lines;
    } finally {
      run("umount", rootfs.toString());
    }
  }

  private static String run(String... argv) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", argv) + " failed: " + out);
    }
    return out;
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
