package io.jcompose.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A directory that acts as a filesystem root (a container's {@code /proc/PID/root}, or {@code /}
 * for the host): paths inside it are resolved component by component, following symlinks as the
 * container would see them, so no symlink — absolute or full of {@code ..} — leads outside it.
 */
record ContainerRoot(Path root) {

  /** Symlink hops before giving up, as Linux's {@code ELOOP}. */
  private static final int MAX_LINKS = 40;

  ContainerRoot {
    root = root.toAbsolutePath().normalize();
  }

  /**
   * The host path of {@code path} (absolute inside the root, or relative to its {@code /}); every
   * component but the last is followed when a symlink, the last only when {@code followLast}.
   * Components that do not exist are kept as they are.
   */
  Path resolve(String path, boolean followLast) throws IOException {
    Deque<String> pending = new ArrayDeque<>();
    push(pending, path);
    Deque<String> resolved = new ArrayDeque<>();
    int links = 0;
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (name.isEmpty() || name.equals(".")) {
        continue;
      }
      if (name.equals("..")) {
        // ".." at the root stays at the root, as the kernel does at "/".
        resolved.pollLast();
        continue;
      }
      Path host = hostPath(resolved).resolve(name);
      boolean last = pending.stream().allMatch(n -> n.isEmpty() || n.equals("."));
      if ((!last || followLast) && Files.isSymbolicLink(host)) {
        if (++links > MAX_LINKS) {
          throw new IOException("too many levels of symbolic links in " + path);
        }
        String target = Files.readSymbolicLink(host).toString();
        if (target.startsWith("/")) {
          resolved.clear();
        }
        push(pending, target);
        continue;
      }
      resolved.addLast(name);
    }
    return hostPath(resolved);
  }

  /** The container path of a host path under the root (for messages). */
  String inside(Path host) {
    Path rel = root.relativize(host.toAbsolutePath().normalize());
    return "/" + rel.toString();
  }

  /** Whether {@code host} is a directory, not following a final symlink. */
  static boolean isRealDirectory(Path host) {
    return Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS);
  }

  private Path hostPath(Deque<String> names) {
    Path p = root;
    for (String n : names) {
      p = p.resolve(n);
    }
    return p;
  }

  /** Puts the components of {@code path} in front of {@code pending}, in order. */
  private static void push(Deque<String> pending, String path) {
    String[] names = path.split("/");
    for (int i = names.length - 1; i >= 0; i--) {
      pending.push(names[i]);
    }
  }
}
