package io.jcompose.runtime.linux;

import static io.jcompose.runtime.linux.LinuxRuntimeFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.ExecSpec;
import io.jcompose.runtime.api.NamespaceMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Containers that share another container's (or the host's) pid and ipc namespaces. */
class SharedNamespacesIT {
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

  private ContainerSpec spec(String... command) {
    return fixture.spec("shared-ns-it", command);
  }

  private ContainerState started(ContainerSpec spec) {
    ContainerState c = await(fixture.runtime.create(spec));
    return await(fixture.runtime.start(c.id()));
  }

  private String exec(String id, String script) {
    return await(fixture.runtime.exec(id, ExecSpec.of(List.of("sh", "-c", script))))
        .output()
        .trim();
  }

  @Test
  void joiningAnotherContainersPidAndIpcNamespaces_showsItsProcessesAndSameIpcNamespace()
      throws IOException {
    ContainerState a = started(spec("sleep", "1001"));
    ContainerState b =
        started(
            spec("sleep", "1002")
                .withNamespaces(
                    NamespaceMode.container(a.name()), NamespaceMode.container(a.name())));

    // B sees A's PID 1 and its own process in one pid namespace.
    assertThat(exec(b.id(), "cat /proc/1/cmdline | tr '\\0' ' '")).isEqualTo("sleep 1001");
    assertThat(exec(b.id(), "ps -o args | grep -c '^sleep 100[12]'")).isEqualTo("2");
    assertThat(exec(b.id(), "readlink /proc/self/ns/pid"))
        .isEqualTo(exec(a.id(), "readlink /proc/self/ns/pid"));
    assertThat(exec(b.id(), "readlink /proc/self/ns/ipc"))
        .isEqualTo(exec(a.id(), "readlink /proc/self/ns/ipc"))
        .isNotEqualTo(readlink("/proc/self/ns/ipc"));
    // Other namespaces stay B's own.
    assertThat(exec(b.id(), "readlink /proc/self/ns/mnt"))
        .isNotEqualTo(exec(a.id(), "readlink /proc/self/ns/mnt"));
  }

  @Test
  void joiningAnotherContainersIpcNamespace_sharesItsDevShm() {
    ContainerState a = started(spec("sleep", "1010"));
    ContainerState b =
        started(
            spec("sleep", "1011")
                .withNamespaces(NamespaceMode.PRIVATE, NamespaceMode.container(a.name())));
    ContainerState other = started(spec("sleep", "1012"));

    exec(a.id(), "echo from-a > /dev/shm/shared");
    assertThat(exec(b.id(), "cat /dev/shm/shared")).isEqualTo("from-a");
    exec(b.id(), "echo from-b > /dev/shm/back");
    assertThat(exec(a.id(), "cat /dev/shm/back")).isEqualTo("from-b");
    // A container with its own ipc namespace keeps its own /dev/shm.
    assertThat(exec(other.id(), "ls /dev/shm | wc -l")).isEqualTo("0");
  }

  @Test
  void privateNamespaces_areNotShared() {
    ContainerState a = started(spec("sleep", "1003"));
    ContainerState b = started(spec("sleep", "1004"));
    assertThat(exec(b.id(), "cat /proc/1/cmdline | tr '\\0' ' '")).isEqualTo("sleep 1004");
    assertThat(exec(b.id(), "readlink /proc/self/ns/ipc"))
        .isNotEqualTo(exec(a.id(), "readlink /proc/self/ns/ipc"));
  }

  @Test
  void hostPidAndIpc_seeTheHostsNamespaces() throws IOException {
    ContainerState c =
        started(spec("sleep", "1005").withNamespaces(NamespaceMode.HOST, NamespaceMode.HOST));
    assertThat(exec(c.id(), "readlink /proc/self/ns/pid")).isEqualTo(readlink("/proc/self/ns/pid"));
    assertThat(exec(c.id(), "readlink /proc/self/ns/ipc")).isEqualTo(readlink("/proc/self/ns/ipc"));
    // Our own JVM is visible from inside.
    assertThat(exec(c.id(), "test -d /proc/" + ProcessHandle.current().pid() + " && echo yes"))
        .isEqualTo("yes");
  }

  @Test
  void joiningAStoppedContainer_failsToStartNamingIt() {
    ContainerState a = await(fixture.runtime.create(spec("sleep", "1006")));
    ContainerState b =
        await(
            fixture.runtime.create(
                spec("sleep", "1007")
                    .withNamespaces(NamespaceMode.container(a.name()), NamespaceMode.PRIVATE)));
    assertThatThrownBy(() -> await(fixture.runtime.start(b.id())))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining(a.name())
        .hasMessageContaining("not running");
  }

  @Test
  void joinedNamespaces_followTheOtherContainerAcrossItsRestart() {
    ContainerState a = started(spec("sleep", "1008"));
    ContainerSpec joiner =
        spec("sleep", "1009")
            .withNamespaces(NamespaceMode.container(a.name()), NamespaceMode.container(a.name()));
    ContainerState b = started(joiner);
    await(fixture.runtime.stop(b.id(), java.time.Duration.ZERO));
    await(fixture.runtime.stop(a.id(), java.time.Duration.ZERO));
    await(fixture.runtime.start(a.id()));
    await(fixture.runtime.start(b.id()));
    assertThat(exec(b.id(), "readlink /proc/self/ns/pid"))
        .isEqualTo(exec(a.id(), "readlink /proc/self/ns/pid"));
  }

  private static String readlink(String path) throws IOException {
    return Files.readSymbolicLink(Path.of(path)).toString();
  }
}
