package io.jcompose.scheduler.engine;

import io.jcompose.model.api.Project;
import io.jcompose.runtime.api.NamespaceMode;
import io.jcompose.scheduler.plan.ServiceNames;

/**
 * Maps a service's {@code pid:} / {@code ipc:} value to the runtime's {@link NamespaceMode}: {@code
 * host}, {@code service:X} (the first container of X), {@code container:X}; anything else ({@code
 * private}, {@code shareable}, unset) is a namespace of the container's own, which other containers
 * may join.
 */
final class SharedNamespaces {
  private SharedNamespaces() {}

  static NamespaceMode of(Project project, String mode) {
    if (mode == null) {
      return NamespaceMode.PRIVATE;
    }
    if (mode.equals("host")) {
      return NamespaceMode.HOST;
    }
    if (mode.startsWith("service:")) {
      String target = mode.substring("service:".length());
      return NamespaceMode.container(ServiceNames.container(project, project.service(target), 1));
    }
    if (mode.startsWith("container:")) {
      return NamespaceMode.container(mode.substring("container:".length()));
    }
    return NamespaceMode.PRIVATE;
  }
}
