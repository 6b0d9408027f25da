package io.jcompose.model.api;

/**
 * One mount of a service in long form.
 *
 * @param type {@link #BIND}, {@link #VOLUME}, {@link #TMPFS}, npipe, cluster or image
 * @param source bind: absolute host path; volume: the project's volume key, null for an anonymous
 *     volume; tmpfs: null
 * @param target absolute path inside the container
 * @param readOnly mounted read-only
 * @param consistency consistency hint, null when unset
 * @param bind bind options, null when unset
 * @param volume volume options, null when unset
 * @param tmpfs tmpfs options, null when unset
 */
public record ServiceVolume(
    String type,
    String source,
    String target,
    boolean readOnly,
    String consistency,
    BindOptions bind,
    VolumeOptions volume,
    TmpfsOptions tmpfs) {

  /** A bind mount of a host path. */
  public static final String BIND = "bind";

  /** A named or anonymous volume. */
  public static final String VOLUME = "volume";

  /** A tmpfs mount. */
  public static final String TMPFS = "tmpfs";

  /**
   * Options of a bind mount.
   *
   * @param propagation mount propagation (rprivate, shared...), null for the default
   * @param createHostPath create the host path when missing; null means the default (true for the
   *     short syntax)
   * @param selinux z or Z relabeling, null when unset
   * @param recursive recursive read-only handling, null when unset
   */
  public record BindOptions(
      String propagation, Boolean createHostPath, String selinux, String recursive) {}

  /**
   * Options of a volume mount.
   *
   * @param nocopy do not copy the image's data into a new volume
   * @param subpath mount only this path inside the volume, null for all
   */
  public record VolumeOptions(boolean nocopy, String subpath) {}

  /**
   * Options of a tmpfs mount.
   *
   * @param size size in bytes, null for the kernel default
   * @param mode file mode of the mount's root, null for the default
   */
  public record TmpfsOptions(Long size, Integer mode) {}
}
