package io.jcompose.runtime.network;

import io.jcompose.runtime.api.NetworkDriver.Attachment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's persisted network attachment: its namespace file, endpoints, DNS names, the
 * containers that joined its namespace ({@code network_mode: service:x}), whether it runs, and
 * whether its owner has detached while joiners still use the namespace ({@code released}).
 */
record AttachmentState(
    String containerId,
    String containerName,
    String hostname,
    String netns,
    String dir,
    List<EndpointState> endpoints,
    List<String> joiners,
    List<String> upstreams,
    boolean running,
    boolean released) {

  AttachmentState {
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    joiners = joiners == null ? List.of() : List.copyOf(joiners);
    upstreams = upstreams == null ? List.of() : List.copyOf(upstreams);
  }

  Attachment attachment() {
    Path files = Path.of(dir);
    return new Attachment(
        Path.of(netns),
        endpoints.stream().map(EndpointState::endpoint).toList(),
        files.resolve("hosts"),
        files.resolve("resolv.conf"),
        files.resolve("hostname"));
  }

  AttachmentState withRunning(boolean value) {
    return new AttachmentState(
        containerId,
        containerName,
        hostname,
        netns,
        dir,
        endpoints,
        joiners,
        upstreams,
        value,
        released);
  }

  AttachmentState withJoiner(String id, boolean add) {
    List<String> list = new ArrayList<>(joiners);
    list.remove(id);
    if (add) {
      list.add(id);
    }
    return new AttachmentState(
        containerId,
        containerName,
        hostname,
        netns,
        dir,
        endpoints,
        list,
        upstreams,
        running,
        released);
  }

  AttachmentState released(boolean value) {
    return new AttachmentState(
        containerId,
        containerName,
        hostname,
        netns,
        dir,
        endpoints,
        joiners,
        upstreams,
        false,
        value);
  }
}
