package io.jcompose.runtime.api;

/**
 * Resource use read from a container's cgroup.
 *
 * @param cpuNanos total CPU time used
 * @param memoryBytes memory in use
 * @param memoryLimitBytes memory limit, or 0 for none
 * @param pids number of processes
 */
public record ContainerStats(long cpuNanos, long memoryBytes, long memoryLimitBytes, long pids) {}
