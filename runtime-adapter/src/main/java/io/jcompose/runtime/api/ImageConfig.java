package io.jcompose.runtime.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The run-time defaults an image carries (the {@code config} of an OCI image config).
 *
 * @param env environment as {@code KEY=value} entries, in order
 * @param entrypoint entrypoint, or empty
 * @param cmd default command, or empty
 * @param workingDir working directory, or null
 * @param user user, or null
 * @param exposedPorts exposed ports like {@code 80/tcp}
 * @param volumes paths declared as volumes
 * @param healthcheck the image's HEALTHCHECK as {@code [CMD-SHELL, "…"]} etc., or empty
 * @param healthInterval HEALTHCHECK interval in nanoseconds, 0 for default
 * @param healthTimeout HEALTHCHECK timeout in nanoseconds, 0 for default
 * @param healthStartPeriod HEALTHCHECK start period in nanoseconds, 0 for default
 * @param healthRetries HEALTHCHECK retries, 0 for default
 * @param stopSignal stop signal, or null
 * @param labels image labels
 */
public record ImageConfig(
    List<String> env,
    List<String> entrypoint,
    List<String> cmd,
    String workingDir,
    String user,
    Set<String> exposedPorts,
    Set<String> volumes,
    List<String> healthcheck,
    long healthInterval,
    long healthTimeout,
    long healthStartPeriod,
    int healthRetries,
    String stopSignal,
    Map<String, String> labels) {

  public ImageConfig {
    env = List.copyOf(env);
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
    exposedPorts = Set.copyOf(exposedPorts);
    volumes = Set.copyOf(volumes);
    healthcheck = List.copyOf(healthcheck);
    labels = Map.copyOf(labels);
  }

  /** An image config with nothing set. */
  public static final ImageConfig EMPTY =
      new ImageConfig(
          List.of(), List.of(), List.of(), null, null, Set.of(), Set.of(), List.of(), 0, 0, 0, 0,
          null, Map.of());
}
