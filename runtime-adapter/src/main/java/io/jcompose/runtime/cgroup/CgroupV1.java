package io.jcompose.runtime.cgroup;

import io.jcompose.runtime.api.ContainerStats;
import io.jcompose.runtime.api.Resources;
import io.jcompose.runtime.api.RuntimeFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A container's cgroups on v1 hierarchies: {@code <controller root>/jcompose/<id>} for each. */
final class CgroupV1 implements ContainerCgroup {
  /** v1 reports "no limit" as a huge page-aligned number. */
  private static final long UNLIMITED_THRESHOLD = Long.MAX_VALUE / 2;

  private static final long CFS_PERIOD_US = 100_000;

  private final Map<String, Path> dirs;

  private CgroupV1(Map<String, Path> dirs) {
    this.dirs = Map.copyOf(dirs);
  }

  static CgroupV1 of(Map<String, Path> controllers, String id) {
    Map<String, Path> dirs = new LinkedHashMap<>();
    for (String controller : CgroupHost.V1_CONTROLLERS) {
      Path root = controllers.get(controller);
      if (root != null) {
        dirs.put(controller, root.resolve(CgroupHost.PARENT).resolve(id));
      }
    }
    return new CgroupV1(dirs);
  }

  static CgroupV1 create(Map<String, Path> controllers, String id) {
    CgroupV1 cgroup = of(controllers, id);
    for (var entry : cgroup.dirs.entrySet()) {
      Path dir = entry.getValue();
      if (entry.getKey().equals("cpuset")) {
        // A v1 cpuset without cpus and mems refuses tasks: inherit them level by level.
        inheritCpuset(dir.getParent());
        CgroupFiles.mkdir(dir);
        inheritCpuset(dir);
      } else {
        CgroupFiles.mkdir(dir);
      }
    }
    return cgroup;
  }

  private static void inheritCpuset(Path dir) {
    CgroupFiles.mkdir(dir);
    for (String file : List.of("cpuset.cpus", "cpuset.mems")) {
      if (CgroupFiles.read(dir.resolve(file)).isEmpty()) {
        CgroupFiles.write(dir.resolve(file), CgroupFiles.read(dir.getParent().resolve(file)));
      }
    }
  }

  @Override
  public void apply(Resources r) {
    Path memory = dirs.get("memory");
    if (r.memoryBytes() > 0) {
      require(memory, "memory");
      CgroupFiles.write(memory.resolve("memory.limit_in_bytes"), Long.toString(r.memoryBytes()));
      // Docker's default: swap as large as the memory limit (memsw = 2 x memory).
      long memsw = r.memorySwapBytes() == 0 ? 2 * r.memoryBytes() : r.memorySwapBytes();
      Path memswFile = memory.resolve("memory.memsw.limit_in_bytes");
      if (Files.exists(memswFile)) {
        CgroupFiles.write(memswFile, memsw < 0 ? "-1" : Long.toString(memsw));
      } else if (r.memorySwapBytes() > 0) {
        throw new RuntimeFailure(
            "memswap_limit: this kernel has no swap accounting (memory.memsw.*); remove"
                + " memswap_limit or enable swapaccount=1");
      }
    }
    Path cpu = dirs.get("cpu");
    if (r.nanoCpus() > 0) {
      require(cpu, "cpu");
      long quota = Math.max(1000, r.nanoCpus() * CFS_PERIOD_US / 1_000_000_000L);
      CgroupFiles.write(cpu.resolve("cpu.cfs_period_us"), Long.toString(CFS_PERIOD_US));
      CgroupFiles.write(cpu.resolve("cpu.cfs_quota_us"), Long.toString(quota));
    }
    if (r.cpuShares() > 0) {
      require(cpu, "cpu");
      CgroupFiles.write(cpu.resolve("cpu.shares"), Long.toString(r.cpuShares()));
    }
    if (r.cpuset() != null && !r.cpuset().isBlank()) {
      require(dirs.get("cpuset"), "cpuset");
      CgroupFiles.write(dirs.get("cpuset").resolve("cpuset.cpus"), r.cpuset());
    }
    if (r.pidsLimit() > 0) {
      require(dirs.get("pids"), "pids");
      CgroupFiles.write(dirs.get("pids").resolve("pids.max"), Long.toString(r.pidsLimit()));
    }
  }

  @Override
  public void restrictDevices(boolean privileged) {
    Path devices = dirs.get("devices");
    if (devices == null) {
      return;
    }
    if (privileged) {
      CgroupFiles.write(devices.resolve("devices.allow"), "a *:* rwm");
      return;
    }
    CgroupFiles.write(devices.resolve("devices.deny"), "a *:* rwm");
    for (DeviceRule rule : DeviceRule.DOCKER_DEFAULTS) {
      CgroupFiles.write(devices.resolve("devices.allow"), rule.toString());
    }
  }

  private static void require(Path dir, String controller) {
    if (dir == null) {
      throw new RuntimeFailure(
          "cgroup: the "
              + controller
              + " controller is not mounted on this host; remove the limit");
    }
  }

  @Override
  public List<Path> procsFiles() {
    List<Path> out = new ArrayList<>();
    for (Path dir : dirs.values()) {
      out.add(dir.resolve("cgroup.procs"));
    }
    return out;
  }

  @Override
  public Path oomFile() {
    Path memory = dirs.get("memory");
    return memory == null ? null : memory.resolve("memory.oom_control");
  }

  @Override
  public void freeze() {
    Path freezer = dirs.get("freezer");
    require(freezer, "freezer");
    CgroupFiles.write(freezer.resolve("freezer.state"), "FROZEN");
    for (int i = 0; i < 500 && !frozen(); i++) {
      CgroupFiles.sleep(2);
    }
    if (!frozen()) {
      throw new RuntimeFailure("cgroup: " + freezer + " did not freeze within a second");
    }
  }

  @Override
  public void thaw() {
    Path freezer = dirs.get("freezer");
    require(freezer, "freezer");
    CgroupFiles.write(freezer.resolve("freezer.state"), "THAWED");
  }

  @Override
  public boolean frozen() {
    Path freezer = dirs.get("freezer");
    return freezer != null
        && Files.exists(freezer)
        && CgroupFiles.read(freezer.resolve("freezer.state")).equals("FROZEN");
  }

  @Override
  public List<Long> pids() {
    Path any = dirs.containsKey("pids") ? dirs.get("pids") : dirs.values().iterator().next();
    return CgroupFiles.pids(any.resolve("cgroup.procs"));
  }

  @Override
  public ContainerStats stats() {
    Path memory = dirs.get("memory");
    long cpu = dirs.containsKey("cpuacct") ? readOr0(dirs.get("cpuacct"), "cpuacct.usage") : 0;
    long usage = 0;
    long limit = 0;
    if (memory != null) {
      // Like docker stats: usage without the page cache that can be dropped.
      usage = readOr0(memory, "memory.usage_in_bytes");
      usage -=
          Math.min(
              usage, CgroupFiles.readKey(memory.resolve("memory.stat"), "total_inactive_file"));
      limit = readOr0(memory, "memory.limit_in_bytes");
      limit = limit > UNLIMITED_THRESHOLD ? 0 : limit;
    }
    long pids = dirs.containsKey("pids") ? readOr0(dirs.get("pids"), "pids.current") : 0;
    return new ContainerStats(cpu, usage, limit, pids);
  }

  private static long readOr0(Path dir, String file) {
    return CgroupFiles.readLong(dir.resolve(file));
  }

  @Override
  public void remove() {
    if (frozen()) {
      thaw();
    }
    for (Path dir : dirs.values()) {
      CgroupFiles.rmdir(dir);
    }
  }

  @Override
  public List<Path> directories() {
    return List.copyOf(dirs.values());
  }
}
