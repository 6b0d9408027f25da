package io.jcompose.scheduler.api;

import java.util.List;

/**
 * The processes of one container, as {@code top} prints them.
 *
 * @param container container name
 * @param titles column titles ({@code UID PID PPID C STIME TTY TIME CMD})
 * @param processes one row per process, a value per title
 */
public record ContainerProcesses(
    String container, List<String> titles, List<List<String>> processes) {
  public ContainerProcesses {
    titles = List.copyOf(titles);
    processes = processes.stream().map(List::copyOf).toList();
  }
}
