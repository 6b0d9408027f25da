package io.jcompose.runtime.api;

/**
 * Cgroup limits of a container. Zero or null means "no limit".
 *
 * @param memoryBytes memory limit ({@code mem_limit}, {@code deploy.resources.limits.memory})
 * @param memorySwapBytes memory plus swap limit ({@code memswap_limit}); -1 for unlimited swap
 * @param nanoCpus CPUs in billionths ({@code cpus: 1.5} is 1_500_000_000)
 * @param cpuShares relative CPU weight ({@code cpu_shares})
 * @param cpuset CPUs allowed ({@code cpuset: "0-1"}), or null
 * @param pidsLimit maximum number of processes ({@code pids_limit})
 * @param shmSizeBytes size of {@code /dev/shm} ({@code shm_size}); 0 for the default 64 MiB
 */
public record Resources(
    long memoryBytes,
    long memorySwapBytes,
    long nanoCpus,
    long cpuShares,
    String cpuset,
    long pidsLimit,
    long shmSizeBytes) {

  /** No limits. */
  public static final Resources NONE = new Resources(0, 0, 0, 0, null, 0, 0);
}
