package io.jcompose.model.loader;

import java.nio.file.Path;
import java.util.Map;

/** Makes relative host paths absolute against a base directory, expanding {@code ~}. */
final class PathResolver {
  private final Path base;
  private final Map<String, String> env;

  PathResolver(Path base, Map<String, String> env) {
    this.base = base;
    this.env = env;
  }

  Path base() {
    return base;
  }

  String hostPath(String path) {
    if (path.equals("~") || path.startsWith("~/")) {
      String home = env.getOrDefault("HOME", System.getProperty("user.home"));
      return Path.of(home + path.substring(1)).normalize().toString();
    }
    return base.resolve(path).normalize().toString();
  }

  /** Keeps URLs and git references (build contexts) as they are. */
  String contextPath(String context) {
    if (context.contains("://")
        || context.startsWith("git@")
        || context.startsWith("github.com/")) {
      return context;
    }
    return hostPath(context);
  }
}
