package io.jcompose.runtime.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A command to run inside a running container (healthcheck probes, {@code jcompose exec}).
 *
 * @param command argv
 * @param environment extra environment
 * @param user user, or null for the container's
 * @param workingDir working directory, or null for the container's
 * @param tty whether to allocate a pseudo terminal
 * @param timeout kill the command after this long; null for no limit
 */
public record ExecSpec(
    List<String> command,
    Map<String, String> environment,
    String user,
    String workingDir,
    boolean tty,
    Duration timeout) {

  public ExecSpec {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
  }

  /** A plain command with the container's user, directory and environment, no time limit. */
  public static ExecSpec of(List<String> command) {
    return new ExecSpec(command, Map.of(), null, null, false, null);
  }
}
