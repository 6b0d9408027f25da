package io.jcompose.runtime.proxy;

import io.jcompose.runtime.api.PublishedPort;
import java.util.List;

/** The published ports of one container as persisted. */
record PortState(String containerId, List<PublishedPort> ports) {
  PortState {
    ports = ports == null ? List.of() : List.copyOf(ports);
  }
}
