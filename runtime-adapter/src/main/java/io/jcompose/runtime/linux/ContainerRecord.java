package io.jcompose.runtime.linux;

import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.ContainerStatus;
import io.jcompose.runtime.api.Resources;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the runtime persists about one container ({@code container.json}); times are ISO strings so
 * the file is plain JSON.
 *
 * @param id 64 hex characters
 * @param name unique name
 * @param image reference as given
 * @param imageId the resolved image's id
 * @param labels labels
 * @param status lifecycle state as last recorded
 * @param pid container process (host pid) while running
 * @param shimPid the monitoring shim's pid while running
 * @param shimStartTicks the shim's start time in clock ticks since boot, to tell a reused pid
 * @param exitCode last exit code
 * @param oomKilled whether the last exit was an OOM kill
 * @param createdAt creation time
 * @param startedAt last start, or null
 * @param finishedAt last exit, or null
 * @param stopSignal signal {@code stop} sends
 * @param stopGraceMillis default grace of {@code stop}
 * @param anonymousVolumes volumes created for this container alone
 * @param resources its cgroup limits, re-applied when the cgroup is gone (after a reboot)
 * @param privileged whether it may use every device (re-applied with the limits)
 * @param volumes every volume it mounts, named and anonymous, so they are not removed under it
 *     (absent from records written before this field: then its anonymous volumes)
 */
record ContainerRecord(
    String id,
    String name,
    String image,
    String imageId,
    Map<String, String> labels,
    ContainerStatus status,
    int pid,
    int shimPid,
    long shimStartTicks,
    int exitCode,
    boolean oomKilled,
    String createdAt,
    String startedAt,
    String finishedAt,
    String stopSignal,
    long stopGraceMillis,
    List<String> anonymousVolumes,
    Resources resources,
    boolean privileged,
    List<String> volumes) {

  ContainerRecord {
    labels = Map.copyOf(labels);
    anonymousVolumes = anonymousVolumes == null ? List.of() : List.copyOf(anonymousVolumes);
    resources = resources == null ? Resources.NONE : resources;
    volumes = volumes == null ? anonymousVolumes : List.copyOf(volumes);
  }

  ContainerRecord running(int newPid, int newShimPid, long ticks, Instant at) {
    return new ContainerRecord(
        id,
        name,
        image,
        imageId,
        labels,
        ContainerStatus.RUNNING,
        newPid,
        newShimPid,
        ticks,
        0,
        false,
        createdAt,
        at.toString(),
        null,
        stopSignal,
        stopGraceMillis,
        anonymousVolumes,
        resources,
        privileged,
        volumes);
  }

  ContainerRecord exited(int code, boolean oom, Instant at) {
    return new ContainerRecord(
        id,
        name,
        image,
        imageId,
        labels,
        ContainerStatus.EXITED,
        0,
        0,
        0,
        code,
        oom,
        createdAt,
        startedAt,
        at.toString(),
        stopSignal,
        stopGraceMillis,
        anonymousVolumes,
        resources,
        privileged,
        volumes);
  }

  ContainerRecord withStatus(ContainerStatus newStatus) {
    return new ContainerRecord(
        id,
        name,
        image,
        imageId,
        labels,
        newStatus,
        pid,
        shimPid,
        shimStartTicks,
        exitCode,
        oomKilled,
        createdAt,
        startedAt,
        finishedAt,
        stopSignal,
        stopGraceMillis,
        anonymousVolumes,
        resources,
        privileged,
        volumes);
  }

  boolean alive() {
    return status == ContainerStatus.RUNNING || status == ContainerStatus.PAUSED;
  }

  ContainerState toState() {
    return new ContainerState(
        id,
        name,
        image,
        labels,
        status,
        alive() ? pid : 0,
        exitCode,
        oomKilled,
        Instant.parse(createdAt),
        startedAt == null ? null : Instant.parse(startedAt),
        finishedAt == null ? null : Instant.parse(finishedAt));
  }
}
