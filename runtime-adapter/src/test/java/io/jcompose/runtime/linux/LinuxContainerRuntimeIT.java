package io.jcompose.runtime.linux;

import static io.jcompose.runtime.linux.LinuxRuntimeFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.runtime.api.BusyboxImageStore;
import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.ContainerStats;
import io.jcompose.runtime.api.ContainerStatus;
import io.jcompose.runtime.api.ExecSpec;
import io.jcompose.runtime.api.LogOptions;
import io.jcompose.runtime.api.MountSpec;
import io.jcompose.runtime.api.Resources;
import io.jcompose.runtime.api.SecurityOptions;
import io.jcompose.runtime.api.Ulimit;
import io.jcompose.runtime.cgroup.CgroupMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Isolation, limits and privileges of containers run by the built-in runtime, checked from inside.
 */
class LinuxContainerRuntimeIT {
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
    return fixture.spec("linux-it", command);
  }

  private static ContainerSpec with(
      ContainerSpec s,
      SecurityOptions security,
      Resources resources,
      List<Ulimit> ulimits,
      Map<String, String> sysctls,
      boolean init,
      String user) {
    return new ContainerSpec(
        s.name(),
        s.image(),
        s.labels(),
        s.entrypoint(),
        s.command(),
        s.environment(),
        s.workingDir(),
        user,
        s.hostname(),
        init,
        s.tty(),
        security,
        resources,
        s.mounts(),
        ulimits,
        sysctls,
        s.networkNamespace(),
        s.hostNetwork(),
        s.stopSignal(),
        s.stopGrace());
  }

  @Test
  void waiter_isAnsweredWhenTheContainerIsRemovedWithForce() throws Exception {
    ContainerState c = started(spec("sleep", "30"));
    java.util.concurrent.CompletableFuture<String> answer =
        new java.util.concurrent.CompletableFuture<>();
    fixture
        .runtime
        .waitForExit(c.id())
        .onComplete(
            ar ->
                answer.complete(
                    ar.succeeded() ? "exited " + ar.result().status() : "failed " + ar.cause()));
    await(fixture.runtime.remove(c.id(), true));
    // Either the exit or "removed"; before, a waiter could be left pending for ever.
    assertThat(answer.get(10, java.util.concurrent.TimeUnit.SECONDS))
        .matches("exited .*|failed .*removed.*");
  }

  /** Runs to completion and returns (exit code, output lines). */
  private RunResult runToEnd(ContainerSpec spec) {
    ContainerState c = await(fixture.runtime.create(spec));
    await(fixture.runtime.start(c.id()));
    ContainerState exited = await(fixture.runtime.waitForExit(c.id()));
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    await(fixture.runtime.logs(c.id(), LogOptions.ALL, l -> lines.add(l.text())));
    return new RunResult(exited, lines);
  }

  private record RunResult(ContainerState state, List<String> lines) {}

  private ContainerState started(ContainerSpec spec) {
    ContainerState c = await(fixture.runtime.create(spec));
    return await(fixture.runtime.start(c.id()));
  }

  private String execOut(String id, String script) {
    return await(fixture.runtime.exec(id, ExecSpec.of(List.of("sh", "-c", script)))).output();
  }

  @Test
  void capabilities_areDockersDefaultSet() {
    RunResult r = runToEnd(spec("sh", "-c", "grep -E '^Cap(Eff|Bnd|Inh|Amb)' /proc/self/status"));
    assertThat(r.lines())
        .containsExactly(
            "CapInh:\t0000000000000000", "CapEff:\t00000000a80425fb",
            "CapBnd:\t00000000a80425fb", "CapAmb:\t0000000000000000");
  }

  @Test
  void capabilities_followCapAddAndCapDrop() {
    SecurityOptions sec =
        new SecurityOptions(false, List.of("NET_ADMIN"), List.of("CHOWN"), false, false);
    RunResult r =
        runToEnd(
            with(
                spec("sh", "-c", "grep CapEff /proc/self/status"),
                sec,
                null,
                List.of(),
                Map.of(),
                false,
                null));
    long expected = (0xa80425fbL | (1L << 12)) & ~1L;
    assertThat(r.lines()).containsExactly(String.format("CapEff:\t%016x", expected));
  }

  @Test
  void noNewPrivileges_isSetOnlyWhenAsked() {
    SecurityOptions sec = new SecurityOptions(false, List.of(), List.of(), true, false);
    RunResult on =
        runToEnd(
            with(
                spec("grep", "NoNewPrivs", "/proc/self/status"),
                sec,
                null,
                List.of(),
                Map.of(),
                false,
                null));
    RunResult off = runToEnd(spec("grep", "NoNewPrivs", "/proc/self/status"));
    assertThat(on.lines()).containsExactly("NoNewPrivs:\t1");
    assertThat(off.lines()).containsExactly("NoNewPrivs:\t0");
  }

  @Test
  void readOnlyRoot_refusesWritesButKeepsMountsWritable() {
    SecurityOptions sec = new SecurityOptions(false, List.of(), List.of(), false, true);
    RunResult r =
        runToEnd(
            with(
                spec(
                    "sh",
                    "-c",
                    "touch /x 2>/dev/null && echo root-writable; touch /dev/shm/y && echo shm-writable"),
                sec,
                null,
                List.of(),
                Map.of(),
                false,
                null));
    assertThat(r.lines()).containsExactly("shm-writable");
  }

  @Test
  void mountTable_isTheContainersOwn() {
    RunResult r = runToEnd(spec("sh", "-c", "cut -d' ' -f2 /proc/mounts | sort -u | tr '\\n' ' '"));
    String mounts = r.lines().get(0);
    assertThat(mounts)
        .contains(
            "/ ",
            "/proc ",
            "/dev ",
            "/dev/pts ",
            "/dev/shm ",
            "/dev/mqueue ",
            "/sys ",
            "/etc/hosts ");
    assertThat(mounts).doesNotContain("/work", "/sys/fs/cgroup", fixture.base.toString());
  }

  @Test
  void limits_areWrittenToTheCgroupFiles() throws IOException {
    Resources res = new Resources(64L << 20, 0, 500_000_000L, 512, "0", 50, 0);
    ContainerState c =
        started(with(spec("sleep", "1000"), null, res, List.of(), Map.of(), false, null));
    var cgroup = fixture.runtime.cgroupHost().of(c.id());
    Map<String, String> files = new java.util.HashMap<>();
    for (Path dir : cgroup.directories()) {
      try (var s = Files.list(dir)) {
        for (Path f : (Iterable<Path>) s::iterator) {
          String n = f.getFileName().toString();
          if (n.matches(
              "memory\\.(limit_in_bytes|max|memsw\\.limit_in_bytes|swap\\.max)|"
                  + "cpu\\.(cfs_quota_us|max|shares|weight)|cpuset\\.cpus|pids\\.max")) {
            files.put(n, Files.readString(f).trim());
          }
        }
      }
    }
    if (fixture.runtime.cgroupHost().mode() == CgroupMode.V2) {
      assertThat(files)
          .containsEntry("memory.max", "67108864")
          .containsEntry("cpu.max", "50000 100000")
          .containsEntry("pids.max", "50")
          .containsEntry("cpuset.cpus", "0");
    } else {
      assertThat(files)
          .containsEntry("memory.limit_in_bytes", "67108864")
          .containsEntry("cpu.cfs_quota_us", "50000")
          .containsEntry("cpu.shares", "512")
          .containsEntry("pids.max", "50")
          .containsEntry("cpuset.cpus", "0");
    }
    ContainerStats stats = await(fixture.runtime.stats(c.id()));
    assertThat(stats.memoryLimitBytes()).isEqualTo(64L << 20);
    assertThat(stats.pids()).isEqualTo(1);
    assertThat(stats.memoryBytes()).isPositive();
  }

  @Test
  void memoryLimit_oomKillsA200MiBAllocationAndReportsIt() {
    Resources res = new Resources(64L << 20, 0, 0, 0, null, 0, 0);
    RunResult r =
        runToEnd(
            with(
                spec("sh", "-c", "head -c 209715200 /dev/zero | tail"),
                null,
                res,
                List.of(),
                Map.of(),
                false,
                null));
    assertThat(r.state().exitCode()).isEqualTo(137);
    assertThat(r.state().oomKilled()).isTrue();
  }

  @Test
  void pidsLimit_refusesForksBeyondIt() {
    Resources res = new Resources(0, 0, 0, 0, null, 5, 0);
    String script = "for i in 1 2 3 4 5 6 7 8; do sleep 2 & done; echo all-started";
    RunResult limited =
        runToEnd(with(spec("sh", "-c", script), null, res, List.of(), Map.of(), false, null));
    RunResult free = runToEnd(spec("sh", "-c", script));
    assertThat(limited.lines()).doesNotContain("all-started");
    assertThat(String.join("\n", limited.lines())).contains("fork");
    assertThat(free.lines()).contains("all-started");
  }

  @Test
  void user_isResolvedFromTheImagesPasswdAndGroup() {
    RunResult named = runToEnd(with(spec("id"), null, null, List.of(), Map.of(), false, "app"));
    RunResult numeric =
        runToEnd(with(spec("id"), null, null, List.of(), Map.of(), false, "1234:5678"));
    assertThat(named.lines().get(0))
        .startsWith("uid=1000(app) gid=1000(app)")
        .contains("2000(extra)");
    assertThat(numeric.lines()).containsExactly("uid=1234 gid=5678");
  }

  @Test
  void ulimits_aboveTheHostHardLimitAreClamped() throws IOException {
    long hostHard = hostNofileHard();
    RunResult r =
        runToEnd(
            with(
                spec("sh", "-c", "ulimit -n; ulimit -Hn"),
                null,
                null,
                List.of(new Ulimit("nofile", 1024, hostHard * 10)),
                Map.of(),
                false,
                null));
    assertThat(r.state().exitCode()).isZero();
    assertThat(r.lines()).containsExactly("1024", Long.toString(hostHard));
  }

  private static long hostNofileHard() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
      if (line.startsWith("Max open files")) {
        return Long.parseLong(line.substring(26).trim().split("\\s+")[1]);
      }
    }
    throw new IllegalStateException("no nofile line in /proc/self/limits");
  }

  @Test
  void sysctls_areSetInTheContainersNamespace() {
    RunResult r =
        runToEnd(
            with(
                spec("cat", "/proc/sys/net/ipv4/ip_forward"),
                null,
                null,
                List.of(),
                Map.of("net.ipv4.ip_forward", "1"),
                false,
                null));
    assertThat(r.lines()).containsExactly("1");
  }

  @Test
  void init_reapsZombiesThatPid1WouldLeave() {
    String script = "(sleep 0.1 &); exec sleep 1000";
    ContainerState plain = started(spec("sh", "-c", script));
    ContainerState withInit =
        started(with(spec("sh", "-c", script), null, null, List.of(), Map.of(), true, null));
    sleep(600);
    assertThat(execOut(plain.id(), "ps -o stat | grep -c Z")).isEqualTo("1\n");
    assertThat(execOut(withInit.id(), "ps -o stat | grep -c Z")).isEqualTo("0\n");
    assertThat(execOut(withInit.id(), "cat /proc/1/cmdline | tr '\\0' ' '"))
        .startsWith("/sbin/jcompose-init -- sh");
    // init forwards SIGTERM to its child, which dies of it.
    ContainerState stopped = await(fixture.runtime.stop(withInit.id(), Duration.ofSeconds(20)));
    assertThat(stopped.exitCode()).isEqualTo(143);
  }

  @Test
  void volumesAndTmpfs_areMounted() throws IOException {
    ContainerSpec s =
        spec(
            "sh",
            "-c",
            "echo data > /data/f; grep ' /scratch ' /proc/mounts | cut"
                + " -d' ' -f3; cat /host/in; touch /host/x 2>/dev/null || echo ro");
    Path hostDir = Files.createDirectories(fixture.base.resolve("bind-" + s.name()));
    Files.writeString(hostDir.resolve("in"), "from-host\n");
    s =
        s.withMounts(
            List.of(
                MountSpec.volume("vol-" + s.name(), "/data", false),
                MountSpec.tmpfs("/scratch", 1 << 20),
                MountSpec.bind(hostDir.toString(), "/host", true)));
    RunResult r = runToEnd(s);
    assertThat(r.lines()).containsExactly("tmpfs", "from-host", "ro");
    Path volume = await(fixture.volumes.inspect("vol-" + s.name())).mountpoint();
    assertThat(Files.readString(volume.resolve("f"))).isEqualTo("data\n");
    assertThat(fixture.volumes.populated).contains("vol-" + s.name() + ":/data");
  }

  @Test
  void remove_leavesNoMountsCgroupsOrState() throws IOException {
    ContainerState c = started(spec("sleep", "1000"));
    Path dir = fixture.runtime.containerDir(c.id());
    List<Path> cgroups = fixture.runtime.cgroupHost().of(c.id()).directories();
    assertThat(cgroups).allMatch(Files::isDirectory);
    await(fixture.runtime.remove(c.id(), true));
    assertThat(cgroups).noneMatch(Files::exists);
    assertThat(dir).doesNotExist();
    assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(c.id());
    assertThat(Path.of("/proc", Integer.toString(c.pid()))).doesNotExist();
  }

  @Test
  void containers_outliveTheRuntimeAndAreReadopted() {
    ContainerState c = started(spec("sleep", "1000"));
    var again = fixture.restarted();
    ContainerState seen = await(again.inspect(c.id()));
    assertThat(seen.status()).isEqualTo(ContainerStatus.RUNNING);
    assertThat(seen.pid()).isEqualTo(c.pid());
    assertThat(await(again.stop(c.id(), Duration.ZERO)).exitCode()).isEqualTo(137);
  }

  @Test
  void networkNamespace_isJoinedByPathOrSharedWithTheHost() throws Exception {
    String ns = "jc-it-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    run("ip", "netns", "add", ns);
    try {
      Path nsFile = Path.of("/run/netns", ns);
      ContainerSpec joined = spec("readlink", "/proc/self/ns/net").withNetworkNamespace(nsFile);
      ContainerSpec s = spec("readlink", "/proc/self/ns/net");
      ContainerSpec host =
          new ContainerSpec(
              s.name(),
              s.image(),
              s.labels(),
              null,
              s.command(),
              Map.of(),
              null,
              null,
              s.hostname(),
              false,
              false,
              null,
              null,
              List.of(),
              List.of(),
              Map.of(),
              null,
              true,
              null,
              null);
      String nsInode = "net:[" + Files.getAttribute(nsFile, "unix:ino") + "]";
      String hostInode = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
      assertThat(runToEnd(joined).lines()).containsExactly(nsInode);
      assertThat(runToEnd(host).lines()).containsExactly(hostInode);
    } finally {
      run("ip", "netns", "delete", ns);
    }
  }

  private static void run(String... argv) throws Exception {
    Process p = new ProcessBuilder(argv).inheritIO().start();
    assertThat(p.waitFor()).as(String.join(" ", argv)).isZero();
  }

  @Test
  void exec_usesItsOwnEnvironmentUserAndDirectory() {
    ContainerState c = started(spec("sleep", "1000"));
    var result =
        await(
            fixture.runtime.exec(
                c.id(),
                new ExecSpec(
                    List.of("sh", "-c", "echo $FOO $HOSTNAME; id -u; pwd"),
                    Map.of("FOO", "bar"),
                    "app",
                    "/tmp",
                    false,
                    null)));
    assertThat(result.exitCode()).isZero();
    assertThat(result.output()).isEqualTo("bar " + c.name() + "\n1000\n/tmp\n");
  }

  @Test
  void logs_rotateAtTheConfiguredSizeAndStayReadable() throws IOException {
    ContainerState c =
        await(
            fixture.runtime.create(
                spec(
                    "sh",
                    "-c",
                    "i=0; while [ $i -lt 100 ]; do echo line-$i-0123456789; i=$((i+1)); done")));
    Path dir = fixture.runtime.containerDir(c.id());
    // The spec has no log options yet: set the shim's rotation annotations in the bundle.
    String config = Files.readString(dir.resolve("config.json"));
    Files.writeString(
        dir.resolve("config.json"),
        config.replace(
            "\"annotations\" : {",
            "\"annotations\" : {\"io.jcompose.log.max-size\": \"2000\", \"io.jcompose.log.max-files\": \"2\","));
    await(fixture.runtime.start(c.id()));
    await(fixture.runtime.waitForExit(c.id()));
    assertThat(dir.resolve("container.log.1")).exists();
    assertThat(dir.resolve("container.log.2")).doesNotExist();
    assertThat(Files.size(dir.resolve("container.log"))).isLessThan(2200);
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    await(fixture.runtime.logs(c.id(), LogOptions.ALL, l -> lines.add(l.text())));
    assertThat(lines).isNotEmpty().endsWith("line-99-0123456789");
    int first = Integer.parseInt(lines.get(0).split("-")[1]);
    assertThat(first).isPositive();
    assertThat(lines).hasSize(100 - first);
  }

  @Test
  void start_recreatesCgroupsLostSinceCreate() {
    Resources res = new Resources(32L << 20, 0, 0, 0, null, 0, 0);
    ContainerState c =
        await(
            fixture.runtime.create(
                with(spec("sleep", "1000"), null, res, List.of(), Map.of(), false, null)));
    fixture.runtime.cgroupHost().of(c.id()).remove();
    await(fixture.runtime.start(c.id()));
    assertThat(await(fixture.runtime.stats(c.id())).memoryLimitBytes()).isEqualTo(32L << 20);
  }

  @Test
  void tty_givesTheProcessATerminalOnAllStreams() {
    ContainerSpec s = spec("sh", "-c", "test -t 0 && test -t 1 && test -t 2 && echo ttys");
    ContainerSpec tty =
        new ContainerSpec(
            s.name(),
            s.image(),
            s.labels(),
            null,
            s.command(),
            Map.of(),
            null,
            null,
            s.hostname(),
            false,
            true,
            null,
            null,
            List.of(),
            List.of(),
            Map.of(),
            null,
            false,
            null,
            null);
    RunResult r = runToEnd(tty);
    RunResult plain = runToEnd(spec("sh", "-c", "test -t 1 && echo ttys"));
    // A terminal turns \n into \r\n, as docker's logs of a tty container show.
    assertThat(r.lines()).containsExactly("ttys\r");
    assertThat(plain.lines()).isEmpty();
  }

  @Test
  void devices_outsideDockersAllowListCannotBeOpenedUnlessPrivileged() {
    Assumptions.assumeTrue(
        fixture.runtime.cgroupHost().mode() != CgroupMode.V2,
        "device rules on cgroup v2 need eBPF, not loaded yet");
    // /dev/fuse (10:229) is not in Docker's default list; opening it does nothing.
    String script =
        "mknod /tmp/fuse c 10 229 && (exec 3</tmp/fuse) 2>/dev/null && echo opened;" + " echo done";
    RunResult plain = runToEnd(spec("sh", "-c", script));
    RunResult privileged =
        runToEnd(
            with(
                spec("sh", "-c", script),
                new SecurityOptions(true, List.of(), List.of(), false, false),
                null,
                List.of(),
                Map.of(),
                false,
                null));
    assertThat(plain.lines()).containsExactly("done");
    assertThat(privileged.lines()).containsExactly("opened", "done");
  }

  @Test
  void imageVolumes_getAnonymousVolumesFilledFromTheImage() throws IOException {
    var config =
        new io.jcompose.runtime.api.ImageConfig(
            BusyboxImageStore.defaultConfig().env(),
            List.of(),
            List.of("sh"),
            null,
            null,
            java.util.Set.of(),
            java.util.Set.of("/cache"),
            List.of(),
            0,
            0,
            0,
            0,
            null,
            Map.of());
    try (LinuxRuntimeFixture own = new LinuxRuntimeFixture(config)) {
      ContainerSpec s = spec("sh", "-c", "grep ' /cache ' /proc/mounts | wc -l");
      ContainerState c = await(own.runtime.create(s));
      await(own.runtime.start(c.id()));
      await(own.runtime.waitForExit(c.id()));
      List<String> lines = Collections.synchronizedList(new ArrayList<>());
      await(own.runtime.logs(c.id(), LogOptions.ALL, l -> lines.add(l.text())));
      assertThat(lines).containsExactly("1");
      var anonymous = await(own.volumes.list(Map.of("com.docker.volume.anonymous", "")));
      assertThat(anonymous).hasSize(1);
      assertThat(own.volumes.populated).containsExactly(anonymous.get(0).name() + ":/cache");
      await(own.runtime.remove(c.id(), true));
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
