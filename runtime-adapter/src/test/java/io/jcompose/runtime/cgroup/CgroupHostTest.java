package io.jcompose.runtime.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CgroupHostTest {
  private static final String V1_MEMORY =
      "30 25 0:26 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory";
  private static final String V1_CPU =
      "31 25 0:27 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct";
  private static final String UNIFIED_HYBRID =
      "32 25 0:28 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw";
  private static final String UNIFIED_ONLY =
      "32 25 0:28 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate";

  @Test
  void hybrid_usesTheV1Controllers() {
    CgroupHost host = CgroupHost.parse(List.of(V1_MEMORY, V1_CPU, UNIFIED_HYBRID));
    assertThat(host.mode()).isEqualTo(CgroupMode.HYBRID);
    assertThat(host.controllers())
        .containsEntry("memory", Path.of("/sys/fs/cgroup/memory"))
        .containsEntry("cpuacct", Path.of("/sys/fs/cgroup/cpu,cpuacct"));
  }

  @Test
  void pureV2_hasNoV1Controllers() {
    CgroupHost host = CgroupHost.parse(List.of(UNIFIED_ONLY));
    assertThat(host.mode()).isEqualTo(CgroupMode.V2);
    assertThat(host.unified()).isEqualTo(Path.of("/sys/fs/cgroup"));
  }

  @Test
  void v1Only_isV1() {
    assertThat(CgroupHost.parse(List.of(V1_MEMORY)).mode()).isEqualTo(CgroupMode.V1);
  }

  @Test
  void containerCgroups_liveUnderJcomposeInEachHierarchy() {
    CgroupHost v1 = CgroupHost.parse(List.of(V1_MEMORY, V1_CPU));
    CgroupHost v2 = CgroupHost.parse(List.of(UNIFIED_ONLY));
    assertThat(v1.of("abc").procsFiles())
        .contains(
            Path.of("/sys/fs/cgroup/memory/jcompose/abc/cgroup.procs"),
            Path.of("/sys/fs/cgroup/cpu,cpuacct/jcompose/abc/cgroup.procs"));
    assertThat(v1.of("abc").oomFile())
        .isEqualTo(Path.of("/sys/fs/cgroup/memory/jcompose/abc/memory.oom_control"));
    assertThat(v2.of("abc").procsFiles())
        .containsExactly(Path.of("/sys/fs/cgroup/jcompose/abc/cgroup.procs"));
    assertThat(v2.of("abc").oomFile())
        .isEqualTo(Path.of("/sys/fs/cgroup/jcompose/abc/memory.events"));
  }
}
