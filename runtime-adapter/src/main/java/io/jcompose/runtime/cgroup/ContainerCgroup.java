package io.jcompose.runtime.cgroup;

import io.jcompose.runtime.api.ContainerStats;
import io.jcompose.runtime.api.Resources;
import java.nio.file.Path;
import java.util.List;

/** The cgroup (v2) or cgroups (one per v1 controller) of one container. Blocking file I/O. */
public interface ContainerCgroup {

  /** Writes the limits; a limit the host cannot set fails with a one-line message. */
  void apply(Resources resources);

  /**
   * Limits device access to Docker's default allow list (null, zero, full, random, urandom, tty,
   * console, ptmx, pts, tun; mknod of any), or allows all devices when privileged. On cgroup v2 the
   * list is an eBPF program attached to the container's cgroup.
   */
  void restrictDevices(boolean privileged);

  /** The {@code cgroup.procs} files a process must be written to, to join. */
  List<Path> procsFiles();

  /** The file with the {@code oom_kill} counter, or null when this host has none. */
  Path oomFile();

  /** Freezes every process and waits until the kernel reports them frozen. */
  void freeze();

  /** Thaws a frozen cgroup. */
  void thaw();

  /** Whether it is frozen. */
  boolean frozen();

  /** Pids of the processes in it. */
  List<Long> pids();

  /** CPU, memory and pids use. */
  ContainerStats stats();

  /** Kills what is left in it and removes the directories; nothing is left afterwards. */
  void remove();

  /** The directories of this container's cgroup(s) (for tests and inspection). */
  List<Path> directories();
}
