package io.jcompose.runtime.cgroup;

import io.jcompose.runtime.api.ContainerStats;
import io.jcompose.runtime.api.Resources;
import io.jcompose.runtime.api.RuntimeFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A container's cgroup on the unified hierarchy: {@code <root>/jcompose/<id>}. */
final class CgroupV2 implements ContainerCgroup {
  private static final Set<String> WANTED = Set.of("cpu", "cpuset", "memory", "pids");
  private static final long CFS_PERIOD_US = 100_000;

  private final Path dir;

  private CgroupV2(Path dir) {
    this.dir = dir;
  }

  static CgroupV2 of(Path root, String id) {
    return new CgroupV2(root.resolve(CgroupHost.PARENT).resolve(id));
  }

  static CgroupV2 create(Path root, String id) {
    Path parent = root.resolve(CgroupHost.PARENT);
    enableControllers(root);
    CgroupFiles.mkdir(parent);
    enableControllers(parent);
    CgroupFiles.mkdir(parent.resolve(id));
    return new CgroupV2(parent.resolve(id));
  }

  /** Delegates the controllers we use to the children of dir, where the host offers them. */
  private static void enableControllers(Path dir) {
    String available = CgroupFiles.read(dir.resolve("cgroup.controllers"));
    String enabled = CgroupFiles.read(dir.resolve("cgroup.subtree_control"));
    StringBuilder add = new StringBuilder();
    for (String controller : available.split("\\s+")) {
      if (WANTED.contains(controller) && !(" " + enabled + " ").contains(" " + controller + " ")) {
        add.append('+').append(controller).append(' ');
      }
    }
    if (add.length() > 0) {
      CgroupFiles.write(dir.resolve("cgroup.subtree_control"), add.toString().trim());
    }
  }

  @Override
  public void apply(Resources r) {
    if (r.memoryBytes() > 0) {
      write("memory.max", Long.toString(r.memoryBytes()));
      long memsw = r.memorySwapBytes() == 0 ? 2 * r.memoryBytes() : r.memorySwapBytes();
      // v2 limits swap alone: memswap_limit minus the memory limit.
      String swap = memsw < 0 ? "max" : Long.toString(Math.max(0, memsw - r.memoryBytes()));
      if (Files.exists(dir.resolve("memory.swap.max"))) {
        write("memory.swap.max", swap);
      }
    }
    if (r.nanoCpus() > 0) {
      long quota = Math.max(1000, r.nanoCpus() * CFS_PERIOD_US / 1_000_000_000L);
      write("cpu.max", quota + " " + CFS_PERIOD_US);
    }
    if (r.cpuShares() > 0) {
      // The conversion runc and Docker use from v1 shares [2, 262144] to v2 weight [1, 10000].
      long shares = Math.max(2, Math.min(262144, r.cpuShares()));
      write("cpu.weight", Long.toString(1 + ((shares - 2) * 9999) / 262142));
    }
    if (r.cpuset() != null && !r.cpuset().isBlank()) {
      write("cpuset.cpus", r.cpuset());
    }
    if (r.pidsLimit() > 0) {
      write("pids.max", Long.toString(r.pidsLimit()));
    }
  }

  private void write(String file, String value) {
    Path path = dir.resolve(file);
    if (!Files.exists(path)) {
      throw new RuntimeFailure(
          "cgroup: "
              + path
              + " does not exist: the controller is not enabled for "
              + dir.getParent()
              + "; enable it in cgroup.subtree_control or remove the limit");
    }
    CgroupFiles.write(path, value);
  }

  @Override
  public void restrictDevices(boolean privileged) {
    if (!privileged) {
      DeviceFilter.attach(dir, DeviceRule.DOCKER_DEFAULTS);
    }
  }

  @Override
  public List<Path> procsFiles() {
    return List.of(dir.resolve("cgroup.procs"));
  }

  @Override
  public Path oomFile() {
    return dir.resolve("memory.events");
  }

  @Override
  public void freeze() {
    CgroupFiles.write(dir.resolve("cgroup.freeze"), "1");
    for (int i = 0; i < 500 && !frozen(); i++) {
      CgroupFiles.sleep(2);
    }
    if (!frozen()) {
      throw new RuntimeFailure("cgroup: " + dir + " did not freeze within a second");
    }
  }

  @Override
  public void thaw() {
    CgroupFiles.write(dir.resolve("cgroup.freeze"), "0");
  }

  @Override
  public boolean frozen() {
    return Files.exists(dir) && CgroupFiles.readKey(dir.resolve("cgroup.events"), "frozen") == 1;
  }

  @Override
  public List<Long> pids() {
    return CgroupFiles.pids(dir.resolve("cgroup.procs"));
  }

  @Override
  public ContainerStats stats() {
    long cpu = CgroupFiles.readKey(dir.resolve("cpu.stat"), "usage_usec") * 1000;
    long usage = CgroupFiles.readLong(dir.resolve("memory.current"));
    usage -= Math.min(usage, CgroupFiles.readKey(dir.resolve("memory.stat"), "inactive_file"));
    long limit = CgroupFiles.readLong(dir.resolve("memory.max"));
    long pids = CgroupFiles.readLong(dir.resolve("pids.current"));
    return new ContainerStats(cpu, usage, limit, pids);
  }

  @Override
  public void remove() {
    if (!Files.exists(dir)) {
      return;
    }
    if (Files.exists(dir.resolve("cgroup.kill")) && !pids().isEmpty()) {
      CgroupFiles.write(dir.resolve("cgroup.kill"), "1");
    }
    CgroupFiles.rmdir(dir);
  }

  @Override
  public List<Path> directories() {
    return new ArrayList<>(List.of(dir));
  }
}
