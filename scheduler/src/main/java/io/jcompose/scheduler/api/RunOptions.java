package io.jcompose.scheduler.api;

import java.util.List;
import java.util.Map;

/**
 * Options of {@code run}.
 *
 * @param service the service to run a one-off container of
 * @param command command override, or null for the service's
 * @param entrypoint entrypoint override, or null
 * @param environment extra environment ({@code -e})
 * @param labels extra labels ({@code -l})
 * @param name container name ({@code --name}), or null for {@code <project>-<service>-run-<id>}
 * @param user user, or null
 * @param workingDir working directory, or null
 * @param tty allocate a pseudo terminal
 * @param detach return once started ({@code -d})
 * @param autoRemove remove the container when it exits ({@code --rm})
 * @param noDeps do not start the service's dependencies
 * @param servicePorts publish the service's ports ({@code --service-ports})
 * @param attach only create the container (after its dependencies): the caller starts it with its
 *     stdio attached through {@link ComposeEngine#runAttached}
 */
public record RunOptions(
    String service,
    List<String> command,
    List<String> entrypoint,
    Map<String, String> environment,
    Map<String, String> labels,
    String name,
    String user,
    String workingDir,
    boolean tty,
    boolean detach,
    boolean autoRemove,
    boolean noDeps,
    boolean servicePorts,
    boolean attach) {
  public RunOptions {
    command = command == null ? null : List.copyOf(command);
    entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
    environment = environment == null ? Map.of() : Map.copyOf(environment);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** Options of a run that is not attached (output comes back as log entries). */
  public RunOptions(
      String service,
      List<String> command,
      List<String> entrypoint,
      Map<String, String> environment,
      Map<String, String> labels,
      String name,
      String user,
      String workingDir,
      boolean tty,
      boolean detach,
      boolean autoRemove,
      boolean noDeps,
      boolean servicePorts) {
    this(
        service,
        command,
        entrypoint,
        environment,
        labels,
        name,
        user,
        workingDir,
        tty,
        detach,
        autoRemove,
        noDeps,
        servicePorts,
        false);
  }
}
