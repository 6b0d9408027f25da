package io.jcompose.runtime.linux;

import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.ContainerStatus;
import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.RootfsLock;
import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.runtime.cgroup.CgroupHost;
import io.jcompose.runtime.cgroup.ContainerCgroup;
import io.jcompose.runtime.shim.ShimCommand;
import io.jcompose.runtime.shim.ShimExit;
import io.jcompose.runtime.shim.ShimStart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/** The blocking steps of a container's life: create, start, signal, pause, settle, remove. */
final class ContainerLifecycle {
  private static final SecureRandom RANDOM = new SecureRandom();
  // How long a start waits for a cp into the stopped container to end: short, because the start
  // waits holding the container's record lock, which every other verb on it needs too.
  private static final java.time.Duration START_LOCK_WAIT = java.time.Duration.ofSeconds(1);

  private final ContainerStore store;
  private final CgroupHost cgroups;
  private final ShimCommand shim;
  private final ToIntFunction<String> runningPid;

  /** runningPid: the pid of a running container by id or name, or 0 when it does not run. */
  ContainerLifecycle(
      ContainerStore store,
      CgroupHost cgroups,
      ShimCommand shim,
      ToIntFunction<String> runningPid) {
    this.store = store;
    this.cgroups = cgroups;
    this.shim = shim;
    this.runningPid = runningPid;
  }

  /** Bundle, cgroup with limits and record; on failure nothing is left behind. */
  ContainerRecord create(
      ContainerSpec spec, Image image, ResolvedMounts mounts, BundleWriter bundles) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String id = HexFormat.of().formatHex(raw);
    ContainerDir dir = store.dir(id);
    ContainerCgroup cgroup = null;
    try {
      store.createDir(id);
      cgroup = cgroups.create(id);
      cgroup.apply(spec.resources());
      cgroup.restrictDevices(spec.security().privileged());
      ProcessPlan plan = bundles.write(dir, id, spec, image, mounts, cgroup);
      ContainerRecord record =
          new ContainerRecord(
              id,
              spec.name(),
              spec.image(),
              image.id(),
              spec.labels(),
              ContainerStatus.CREATED,
              0,
              0,
              0,
              0,
              false,
              Instant.now().toString(),
              null,
              null,
              plan.stopSignal(),
              spec.stopGrace().toMillis(),
              mounts.anonymousVolumes(),
              spec.resources(),
              spec.security().privileged(),
              mounts.volumes());
      store.write(record);
      return record;
    } catch (IOException | RuntimeException e) {
      if (cgroup != null) {
        try {
          cgroup.remove();
        } catch (RuntimeFailure cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      deleteTree(dir.path());
      if (e instanceof RuntimeFailure f) {
        throw new RuntimeFailure("container " + spec.name() + ": " + f.getMessage(), f);
      }
      throw new RuntimeFailure("container " + spec.name() + ": " + e.getMessage(), e);
    }
  }

  /** Runs the shim; the record says RUNNING once the process has exec'd. */
  ContainerRecord start(ContainerRecord r) {
    return start(r, List.of());
  }

  /** {@link #start(ContainerRecord)} with extra shim {@code run} options (attached stdio). */
  ContainerRecord start(ContainerRecord r, List<String> shimOptions) {
    // A cp into the stopped container mounts its overlay elsewhere: never both at once.
    try (RootfsLock lock =
        RootfsLock.acquire(store.dir(r.id()).path(), r.name(), "start", START_LOCK_WAIT)) {
      return startLocked(r, shimOptions);
    }
  }

  private ContainerRecord startLocked(ContainerRecord r, List<String> shimOptions) {
    if (r.alive()) {
      return r;
    }
    ContainerDir dir = store.dir(r.id());
    try {
      Files.deleteIfExists(dir.path().resolve(ShimExit.FILE));
      Files.deleteIfExists(dir.path().resolve("pid"));
    } catch (IOException e) {
      throw new RuntimeFailure(
          "container " + r.name() + ": clearing its last exit: " + e.getMessage(), e);
    }
    ContainerCgroup cgroup = cgroups.of(r.id());
    if (!cgroup.directories().stream().allMatch(Files::isDirectory)) {
      // cgroups do not survive a reboot: make them again with the container's limits.
      cgroup = cgroups.create(r.id());
      try {
        cgroup.apply(r.resources());
        cgroup.restrictDevices(r.privileged());
      } catch (RuntimeException e) {
        // Left in place, the next start would find the directories and run without limits.
        cgroup.remove();
        throw e;
      }
    }
    if (!cgroup.pids().isEmpty()) {
      throw new ConflictException(
          "container "
              + r.name()
              + ": processes of its last run are still in its cgroup; remove it with force");
    }
    NamespaceJoins.refresh(dir, r.name(), runningPid);
    ShimStart started;
    try {
      started = shim.run(dir.path(), dir.path(), shimOptions);
    } catch (RuntimeFailure e) {
      throw new RuntimeFailure("container " + r.name() + ": " + e.getMessage(), e);
    }
    ContainerRecord running =
        r.running(
            started.pid(), started.shimPid(), shimStartTicks(r, started.shimPid()), Instant.now());
    store.writeVolatile(running);
    return running;
  }

  /** The shim's start time, which tells it apart from a later process with its pid. */
  private static long shimStartTicks(ContainerRecord r, int shimPid) {
    for (int attempt = 1; ; attempt++) {
      try {
        return ProcessTable.startTicks(shimPid);
      } catch (UncheckedIOException e) {
        if (attempt == 3) {
          throw new RuntimeFailure(
              "container " + r.name() + ": " + e.getMessage() + ": " + e.getCause().getMessage(),
              e);
        }
      }
    }
  }

  void signal(ContainerRecord r, int signal) {
    if (!r.alive()) {
      throw new ConflictException("container " + r.name() + " is not running");
    }
    Signals.send(r.pid(), signal);
    // A frozen process only receives the signal once thawed; docker thaws for kill and stop.
    if (r.status() == ContainerStatus.PAUSED && signal == Signals.SIGKILL) {
      cgroups.of(r.id()).thaw();
    }
  }

  ContainerRecord pause(ContainerRecord r) {
    if (r.status() != ContainerStatus.RUNNING) {
      throw new ConflictException("container " + r.name() + " is not running");
    }
    cgroups.of(r.id()).freeze();
    ContainerRecord paused = r.withStatus(ContainerStatus.PAUSED);
    store.writeVolatile(paused);
    return paused;
  }

  ContainerRecord unpause(ContainerRecord r) {
    if (r.status() != ContainerStatus.PAUSED) {
      throw new ConflictException("container " + r.name() + " is not paused");
    }
    cgroups.of(r.id()).thaw();
    ContainerRecord running = r.withStatus(ContainerStatus.RUNNING);
    store.writeVolatile(running);
    return running;
  }

  /** Records an exit the shim wrote (or a shim that vanished); returns r itself when unchanged. */
  ContainerRecord refresh(ContainerRecord r) {
    if (!r.alive()) {
      return r;
    }
    Path dir = store.dir(r.id()).path();
    Optional<ShimExit> exit = ShimExit.read(dir);
    if (exit.isEmpty()) {
      if (ProcessTable.alive(r.shimPid(), r.shimStartTicks())) {
        return r;
      }
      // The shim renames exit.json into place before it exits, so it may have done both since the
      // first read: only a read after its death tells a lost exit from one just recorded.
      exit = ShimExit.read(dir);
    }
    ContainerRecord now;
    if (exit.isPresent()) {
      now = r.exited(exit.get().exitCode(), exit.get().oomKilled(), exit.get().finishedAt());
    } else {
      // The shim was killed before it could record the exit; docker reports such a loss as 255.
      now = r.exited(255, false, Instant.now());
    }
    if (r.status() == ContainerStatus.PAUSED) {
      cgroups.of(r.id()).thaw();
    }
    store.writeVolatile(now);
    return now;
  }

  /** Cgroups, directory and state: nothing of the container is left. */
  void remove(ContainerRecord r) {
    if (r.alive()) {
      throw new ConflictException("container " + r.name() + " is still running");
    }
    cgroups.of(r.id()).remove();
    deleteTree(store.dir(r.id()).path());
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new RuntimeFailure("removing " + dir + ": " + e.getMessage(), e);
    }
  }
}
