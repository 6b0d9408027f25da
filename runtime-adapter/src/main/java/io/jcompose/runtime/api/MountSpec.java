package io.jcompose.runtime.api;

/**
 * One mount inside a container.
 *
 * @param type bind, volume or tmpfs
 * @param source host path (bind), volume name (volume; null for an anonymous volume) or unused
 *     (tmpfs)
 * @param target absolute path inside the container
 * @param readOnly whether it is mounted read-only
 * @param tmpfsSizeBytes size of a tmpfs mount; 0 for the kernel default
 */
public record MountSpec(
    Type type, String source, String target, boolean readOnly, long tmpfsSizeBytes) {

  /** The kind of a mount. */
  public enum Type {
    BIND,
    VOLUME,
    TMPFS
  }

  /** A bind mount of a host path. */
  public static MountSpec bind(String hostPath, String target, boolean readOnly) {
    return new MountSpec(Type.BIND, hostPath, target, readOnly, 0);
  }

  /** A named (or, with a null name, anonymous) volume. */
  public static MountSpec volume(String name, String target, boolean readOnly) {
    return new MountSpec(Type.VOLUME, name, target, readOnly, 0);
  }

  /** A tmpfs mount. */
  public static MountSpec tmpfs(String target, long sizeBytes) {
    return new MountSpec(Type.TMPFS, null, target, false, sizeBytes);
  }
}
