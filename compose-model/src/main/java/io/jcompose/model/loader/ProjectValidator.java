package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;
import io.jcompose.model.api.Deploy;
import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import io.jcompose.model.api.ServiceFileRef;
import io.jcompose.model.api.ServiceVolume;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stage 8: checks that need the whole project: references between services and to top-level
 * resources, dependency cycles, and settings that contradict each other.
 */
final class ProjectValidator {
  private final Project project;
  private final Map<String, String> serviceFiles;
  private final String firstFile;

  ProjectValidator(Project project, Map<String, String> serviceFiles, String firstFile) {
    this.project = project;
    this.serviceFiles = serviceFiles;
    this.firstFile = firstFile;
  }

  private final List<String> warnings = new ArrayList<>();

  /** Checks the project; returns the warnings found on the way (optional references missing). */
  List<String> validate() throws ComposeFileException {
    for (Service s : project.services().values()) {
      service(s);
    }
    cycles();
    return warnings;
  }

  private ComposeFileException error(Service s, String attribute, String detail) {
    return new ComposeFileException(
        serviceFiles.getOrDefault(s.name(), firstFile),
        "services." + s.name() + (attribute.isEmpty() ? "" : "." + attribute),
        detail);
  }

  private void service(Service s) throws ComposeFileException {
    if (s.image() == null && s.build() == null) {
      throw error(s, "", "has neither an image nor a build context; set image: or build:");
    }
    if (s.containerName() != null && s.replicas() > 1) {
      throw error(
          s,
          "container_name",
          "\""
              + s.containerName()
              + "\" can only be used with 1 replica, this service has "
              + s.replicas()
              + "; remove container_name or scale to 1");
    }
    Deploy.ResourceLimit limits =
        s.deploy() == null || s.deploy().resources() == null
            ? null
            : s.deploy().resources().limits();
    if (limits != null) {
      conflict(s, "mem_limit", s.memLimit(), "memory", limits.memory());
      conflict(s, "cpus", s.cpus(), "cpus", limits.cpus());
      conflict(s, "pids_limit", s.pidsLimit(), "pids", limits.pids());
    }
    for (Map.Entry<String, io.jcompose.model.api.ServiceDependency> d : s.dependsOn().entrySet()) {
      checkService(s, "depends_on." + d.getKey(), d.getKey(), d.getValue().required());
    }
    for (String link : s.links()) {
      checkService(s, "links", link.split(":")[0], true);
    }
    for (String from : s.volumesFrom()) {
      if (!from.startsWith("container:")) {
        checkService(s, "volumes_from", from.split(":")[0], true);
      }
    }
    if (s.networkMode() != null) {
      networkMode(s);
      if (s.networkMode().startsWith("service:")) {
        checkService(s, "network_mode", s.networkMode().substring(8), true);
      }
      if (!s.networks().isEmpty()) {
        throw error(s, "network_mode", "cannot be combined with networks; remove one of them");
      }
    }
    for (String net : s.networks().keySet()) {
      if (!project.networks().containsKey(net)) {
        throw error(
            s,
            "networks." + net,
            "network \""
                + net
                + "\" is not defined; add it under the top-level networks:"
                + Suggestions.didYouMean(net, project.networks().keySet()));
      }
    }
    for (int i = 0; i < s.volumes().size(); i++) {
      ServiceVolume v = s.volumes().get(i);
      if (ServiceVolume.VOLUME.equals(v.type())
          && v.source() != null
          && !project.volumes().containsKey(v.source())) {
        throw error(
            s,
            "volumes[" + i + "]",
            "named volume \""
                + v.source()
                + "\" is not defined; add it under the top-level volumes:"
                + Suggestions.didYouMean(v.source(), project.volumes().keySet()));
      }
    }
    refs(s, "secrets", s.secrets(), project.secrets().keySet());
    refs(s, "configs", s.configs(), project.configs().keySet());
  }

  // Docker's engine also takes a bare network name here; compose files join networks through
  // networks:, so anything else is a mistake caught before it silently gives only loopback.
  private void networkMode(Service s) throws ComposeFileException {
    String mode = s.networkMode();
    boolean named =
        (mode.startsWith("service:") && mode.length() > "service:".length())
            || (mode.startsWith("container:") && mode.length() > "container:".length());
    if (!named && !List.of("host", "none", "bridge", "default").contains(mode)) {
      throw error(
          s,
          "network_mode",
          "\""
              + mode
              + "\" is not a network mode; use host, none, bridge, service:NAME or"
              + " container:NAME, or list the network under networks: instead");
    }
  }

  private void refs(
      Service s, String kind, List<ServiceFileRef> refs, java.util.Set<String> defined)
      throws ComposeFileException {
    for (int i = 0; i < refs.size(); i++) {
      if (!defined.contains(refs.get(i).source())) {
        throw error(
            s,
            kind + "[" + i + "]",
            kind.substring(0, kind.length() - 1)
                + " \""
                + refs.get(i).source()
                + "\" is not defined; add it under the top-level "
                + kind
                + ":");
      }
    }
  }

  private void checkService(Service s, String attribute, String target, boolean required)
      throws ComposeFileException {
    if (project.services().containsKey(target)) {
      return;
    }
    Service disabled = project.disabledServices().get(target);
    if (disabled != null) {
      if (required) {
        throw error(
            s,
            attribute,
            "service \""
                + target
                + "\" is disabled by profiles "
                + disabled.profiles()
                + "; enable one with --profile");
      }
      return;
    }
    if (!required && attribute.startsWith("depends_on")) {
      warnings.add(
          "services."
              + s.name()
              + "."
              + attribute
              + ": optional dependency \""
              + target
              + "\" is not defined; it is ignored");
      return;
    }
    throw error(
        s,
        attribute,
        "service \""
            + target
            + "\" is not defined"
            + Suggestions.didYouMean(target, project.services().keySet()));
  }

  private void conflict(Service s, String attr, Object top, String deployKey, Object deploy)
      throws ComposeFileException {
    if (top != null && deploy != null && !Objects.equals(top, deploy)) {
      throw error(
          s,
          attr,
          "conflicts with deploy.resources.limits." + deployKey + "; set only one of them");
    }
  }

  private void cycles() throws ComposeFileException {
    Map<String, Integer> state = new HashMap<>();
    for (String name : project.services().keySet()) {
      visit(name, state, new ArrayList<>());
    }
  }

  private void visit(String name, Map<String, Integer> state, List<String> stack)
      throws ComposeFileException {
    Integer st = state.get(name);
    if (st != null && st == 2) {
      return;
    }
    if (st != null && st == 1) {
      List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(name), stack.size()));
      cycle.add(name);
      Service first = project.services().get(cycle.get(0));
      throw error(
          first,
          "depends_on",
          "dependency cycle: " + String.join(" -> ", cycle) + "; remove one of these depends_on");
    }
    Service s = project.services().get(name);
    if (s == null) {
      return;
    }
    state.put(name, 1);
    stack.add(name);
    for (String dep : s.dependsOn().keySet()) {
      visit(dep, state, stack);
    }
    stack.remove(stack.size() - 1);
    state.put(name, 2);
  }
}
