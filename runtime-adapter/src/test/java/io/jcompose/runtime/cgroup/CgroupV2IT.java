package io.jcompose.runtime.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.runtime.api.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The v2 code on whatever unified tree this host has (on a hybrid host the mostly empty one at
 * /sys/fs/cgroup/unified): create, join, freeze, thaw, remove.
 */
class CgroupV2IT {
  @Test
  void cgroup_holdsFreezesThawsAndIsRemoved() throws Exception {
    CgroupHost detected = CgroupHost.detect();
    Assumptions.assumeTrue(detected.unified() != null, "no cgroup2 tree mounted");
    CgroupHost v2 = new CgroupHost(CgroupMode.V2, detected.unified(), java.util.Map.of());
    String id = "v2it" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    ContainerCgroup cgroup = v2.create(id);
    Process sleeper = new ProcessBuilder("sleep", "30").start();
    try {
      cgroup.apply(Resources.NONE);
      Files.writeString(cgroup.procsFiles().get(0), Long.toString(sleeper.pid()));
      assertThat(cgroup.pids()).containsExactly(sleeper.pid());
      cgroup.freeze();
      assertThat(cgroup.frozen()).isTrue();
      assertThat(Files.readString(Path.of("/proc", Long.toString(sleeper.pid()), "stat")))
          .matches("(?s).*\\) [SD] .*");
      cgroup.thaw();
      assertThat(cgroup.frozen()).isFalse();
    } finally {
      sleeper.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      cgroup.remove();
    }
    assertThat(cgroup.directories()).noneMatch(Files::exists);
  }

  @Test
  void restrictedDevices_allowDockersListAndDenyTheRest() throws Exception {
    CgroupHost detected = CgroupHost.detect();
    Assumptions.assumeTrue(detected.unified() != null, "no cgroup2 tree mounted");
    CgroupHost v2 = new CgroupHost(CgroupMode.V2, detected.unified(), java.util.Map.of());
    String id = "v2dev" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    ContainerCgroup cgroup = v2.create(id);
    try {
      cgroup.restrictDevices(false);
      // The shell joins the cgroup first: every open after that goes through the filter.
      String script =
          "echo $$ > "
              + cgroup.procsFiles().get(0)
              + "; true < /dev/null && echo null-ok;"
              + " true < /dev/urandom && echo urandom-ok;"
              + " true 2>/dev/null < /dev/kmsg || echo kmsg-denied;"
              + " mknod /tmp/"
              + id
              + " c 1 1 && echo mknod-ok;"
              + " true 2>/dev/null < /tmp/"
              + id
              + " || echo mem-denied; rm -f /tmp/"
              + id;
      Process sh = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
      String out = new String(sh.getInputStream().readAllBytes());
      assertThat(sh.waitFor()).as(out).isZero();
      assertThat(out.lines())
          .containsExactly("null-ok", "urandom-ok", "kmsg-denied", "mknod-ok", "mem-denied");
    } finally {
      cgroup.remove();
    }
    assertThat(cgroup.directories()).noneMatch(Files::exists);
  }
}
