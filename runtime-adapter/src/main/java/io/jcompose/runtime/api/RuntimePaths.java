package io.jcompose.runtime.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where jcompose keeps its state: a persistent root ({@code /var/lib/jcompose}) and a run directory
 * for sockets, pids and namespace files ({@code /run/jcompose}). Tests point both at temporary
 * directories through {@code JCOMPOSE_ROOT} and {@code JCOMPOSE_RUN}.
 *
 * @param root persistent state: images, containers, volumes, networks
 * @param run volatile state: daemon socket and pid, netns files
 */
public record RuntimePaths(Path root, Path run) {

  /** Reads {@code JCOMPOSE_ROOT} and {@code JCOMPOSE_RUN}, with the standard defaults. */
  public static RuntimePaths fromEnvironment(Map<String, String> env) {
    return new RuntimePaths(
        Path.of(env.getOrDefault("JCOMPOSE_ROOT", "/var/lib/jcompose")),
        Path.of(env.getOrDefault("JCOMPOSE_RUN", "/run/jcompose")));
  }

  /** The image store: {@code blobs/sha256/…}, unpacked layers, tags. */
  public Path images() {
    return root.resolve("images");
  }

  /** One directory per container: bundle, overlay upper/work, shim state, logs. */
  public Path containers() {
    return root.resolve("containers");
  }

  /** Named volumes, one directory each. */
  public Path volumes() {
    return root.resolve("volumes");
  }

  /** Network state: IPAM allocations, per-network records. */
  public Path networks() {
    return root.resolve("networks");
  }

  /** Bind-mounted network namespace files of containers. */
  public Path netns() {
    return run.resolve("netns");
  }

  /** The daemon's API socket. */
  public Path socket() {
    return run.resolve("jcompose.sock");
  }
}
