package io.jcompose.scheduler.api;

import java.time.Instant;

/**
 * A resource-use sample of one container; CPU percent comes from two samples' difference.
 *
 * @param id container id
 * @param name container name
 * @param time when it was read
 * @param cpuNanos total CPU time used so far
 * @param memoryBytes memory in use
 * @param memoryLimitBytes memory limit, or 0 for none
 * @param pids number of processes
 */
public record ContainerStatsSample(
    String id,
    String name,
    Instant time,
    long cpuNanos,
    long memoryBytes,
    long memoryLimitBytes,
    long pids) {}
