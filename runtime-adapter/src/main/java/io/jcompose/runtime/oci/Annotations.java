package io.jcompose.runtime.oci;

/** The {@code config.json} annotations the shim reads beyond the OCI spec itself. */
public final class Annotations {
  /** Overlay lower directories, colon-separated, top layer first. */
  public static final String OVERLAY_LOWER = "io.jcompose.overlay.lowerdir";

  /** The container's overlay upper directory. */
  public static final String OVERLAY_UPPER = "io.jcompose.overlay.upperdir";

  /** The overlay work directory (same file system as the upper one). */
  public static final String OVERLAY_WORK = "io.jcompose.overlay.workdir";

  /** The user as written ({@code name}, {@code uid[:gid]}), resolved in the container's rootfs. */
  public static final String USER = "io.jcompose.user";

  /**
   * The {@code cgroup.procs} files the process is put into before it continues, comma-separated.
   */
  public static final String CGROUP_PROCS = "io.jcompose.cgroup.procs";

  /** The file with the memory cgroup's {@code oom_kill} counter. */
  public static final String CGROUP_OOM = "io.jcompose.cgroup.oom";

  /** Log rotation size in bytes. */
  public static final String LOG_MAX_SIZE = "io.jcompose.log.max-size";

  /** Number of log files kept. */
  public static final String LOG_MAX_FILES = "io.jcompose.log.max-files";

  private Annotations() {}
}
