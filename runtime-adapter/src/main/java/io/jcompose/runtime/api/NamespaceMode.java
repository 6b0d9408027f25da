package io.jcompose.runtime.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a container gets its pid or ipc namespace: a new one of its own (the default), the host's,
 * the one of another container (resolved each time the container starts, as {@code docker run --pid
 * container:X} does), or one named by a namespace file.
 *
 * @param kind which of the four
 * @param target the other container's id or name ({@link Kind#CONTAINER}), the namespace file
 *     ({@link Kind#PATH}, e.g. {@code /proc/123/ns/pid}), otherwise null
 */
public record NamespaceMode(Kind kind, String target) {

  /** Where the namespace comes from. */
  public enum Kind {
    /** A new namespace for this container. */
    PRIVATE,
    /** The host's namespace: nothing is unshared. */
    HOST,
    /** The namespace of another container, which must be running when this one starts. */
    CONTAINER,
    /** The namespace a file such as {@code /proc/PID/ns/ipc} refers to. */
    PATH
  }

  /** A new namespace of the container's own. */
  public static final NamespaceMode PRIVATE = new NamespaceMode(Kind.PRIVATE, null);

  /** The host's namespace. */
  public static final NamespaceMode HOST = new NamespaceMode(Kind.HOST, null);

  public NamespaceMode {
    kind = kind == null ? Kind.PRIVATE : kind;
    boolean needsTarget = kind == Kind.CONTAINER || kind == Kind.PATH;
    if (needsTarget && (target == null || target.isBlank())) {
      throw new IllegalArgumentException("namespace mode " + kind + " needs a target");
    }
    target = needsTarget ? target : null;
  }

  /** The namespace of the container with this id or name. */
  public static NamespaceMode container(String idOrName) {
    return new NamespaceMode(Kind.CONTAINER, Objects.requireNonNull(idOrName, "idOrName"));
  }

  /** The namespace a file refers to ({@code /proc/PID/ns/pid}, a bind-mounted namespace file). */
  public static NamespaceMode path(Path namespaceFile) {
    return new NamespaceMode(Kind.PATH, namespaceFile.toString());
  }
}
