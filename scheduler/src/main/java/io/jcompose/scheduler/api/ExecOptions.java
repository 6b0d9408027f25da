package io.jcompose.scheduler.api;

import java.util.List;
import java.util.Map;

/**
 * Options of {@code exec}.
 *
 * @param service the service
 * @param index replica number, 0 for the first running one
 * @param command argv
 * @param environment extra environment ({@code -e})
 * @param user user ({@code -u}), or null for the container's
 * @param workingDir working directory ({@code -w}), or null
 * @param tty allocate a pseudo terminal
 * @param privileged run with all capabilities
 * @param detach run in the background, completing at once
 */
public record ExecOptions(
    String service,
    int index,
    List<String> command,
    Map<String, String> environment,
    String user,
    String workingDir,
    boolean tty,
    boolean privileged,
    boolean detach) {
  public ExecOptions {
    command = List.copyOf(command);
    environment = environment == null ? Map.of() : Map.copyOf(environment);
  }
}
