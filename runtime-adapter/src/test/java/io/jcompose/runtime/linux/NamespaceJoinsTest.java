package io.jcompose.runtime.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.runtime.api.NamespaceMode;
import io.jcompose.runtime.oci.OciSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamespaceJoinsTest {
  private static final OciSpec.Mount OWN_SHM =
      new OciSpec.Mount(
          "/dev/shm", "tmpfs", "shm", List.of("nosuid", "noexec", "nodev", "mode=1777"));
  private static final OciSpec.Mount PROC = new OciSpec.Mount("/proc", "proc", "proc", List.of());

  private static OciSpec spec() {
    return new OciSpec(
        OciSpec.VERSION,
        null,
        new OciSpec.Root("rootfs", false),
        "h",
        List.of(PROC, OWN_SHM),
        new OciSpec.Linux(
            List.of(new OciSpec.Namespace("pid", null), new OciSpec.Namespace("ipc", null)),
            List.of(),
            List.of(),
            Map.of()),
        Map.of());
  }

  private static OciSpec.Mount shm(OciSpec s) {
    return s.mounts().stream().filter(m -> m.destination().equals("/dev/shm")).findFirst().get();
  }

  @Test
  void joinedIpcNamespace_bindsTheOtherContainersDevShmAndPath() {
    NamespaceJoins joins = new NamespaceJoins(NamespaceMode.PRIVATE, NamespaceMode.container("a"));
    OciSpec s = joins.apply(spec(), name -> name.equals("a") ? 4242 : 0);

    assertThat(shm(s).type()).isEqualTo("bind");
    assertThat(shm(s).source()).isEqualTo("/proc/4242/root/dev/shm");
    assertThat(s.linux().namespaces()).contains(new OciSpec.Namespace("ipc", "/proc/4242/ns/ipc"));
    assertThat(s.mounts()).contains(PROC);
  }

  @Test
  void joinedIpcNamespace_followsTheOtherContainersNewPidAtTheNextStart() {
    NamespaceJoins joins = new NamespaceJoins(NamespaceMode.PRIVATE, NamespaceMode.container("a"));
    OciSpec first = joins.apply(spec(), name -> 100);
    OciSpec again = joins.apply(first, name -> 200);

    assertThat(shm(again).source()).isEqualTo("/proc/200/root/dev/shm");
    assertThat(again.mounts()).hasSize(2);
  }

  @Test
  void unresolvedJoinAtCreate_andPrivateIpc_keepTheirOwnTmpfs() {
    NamespaceJoins joined = new NamespaceJoins(NamespaceMode.PRIVATE, NamespaceMode.container("a"));
    NamespaceJoins own = new NamespaceJoins(NamespaceMode.PRIVATE, NamespaceMode.PRIVATE);

    assertThat(shm(joined.apply(spec(), null))).isEqualTo(OWN_SHM);
    assertThat(shm(own.apply(spec(), name -> 1))).isEqualTo(OWN_SHM);
  }

  @Test
  void hostIpc_bindsTheHostsDevShm() {
    NamespaceJoins host = new NamespaceJoins(NamespaceMode.PRIVATE, NamespaceMode.HOST);
    OciSpec s = host.apply(spec(), null);

    assertThat(shm(s).source()).isEqualTo("/dev/shm");
    assertThat(s.linux().namespaces()).extracting(OciSpec.Namespace::type).containsExactly("pid");
  }
}
