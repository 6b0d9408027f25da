package io.jcompose.scheduler.engine;

import io.jcompose.model.api.FileResource;
import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import io.jcompose.model.api.ServiceFileRef;
import io.jcompose.model.api.ServiceVolume;
import io.jcompose.scheduler.plan.ServiceNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Names the attributes of a service that jcompose reads but does not apply yet, so {@code up} can
 * warn about each instead of dropping it silently.
 */
final class UnsupportedAttributes {

  private UnsupportedAttributes() {}

  /** One warning line per ignored attribute of {@code s}. */
  static List<String> of(Project project, Service s) {
    List<String> found = new ArrayList<>();
    check(found, !s.devices().isEmpty(), "devices");
    check(found, !s.deviceCgroupRules().isEmpty(), "device_cgroup_rules");
    check(found, !s.groupAdd().isEmpty(), "group_add");
    check(found, s.usernsMode() != null, "userns_mode");
    check(found, s.memReservation() != null, "mem_reservation");
    check(found, s.memSwappiness() != null, "mem_swappiness");
    check(found, s.oomKillDisable(), "oom_kill_disable");
    check(found, s.oomScoreAdj() != null, "oom_score_adj");
    check(
        found, s.cpuRtPeriod() != null || s.cpuRtRuntime() != null, "cpu_rt_period/cpu_rt_runtime");
    check(found, s.cpuCount() != null || s.cpuPercent() != null, "cpu_count/cpu_percent");
    check(found, s.cgroupParent() != null, "cgroup_parent");
    check(found, s.isolation() != null, "isolation");
    check(found, s.runtime() != null, "runtime");
    check(found, s.uts() != null, "uts");
    check(found, s.cgroup() != null, "cgroup");
    check(found, isolatedNamespace(s.ipc()), "ipc");
    check(found, isolatedNamespace(s.pid()), "pid");
    check(found, s.stdinOpen(), "stdin_open");
    check(found, !s.externalLinks().isEmpty(), "external_links");
    check(found, !s.annotations().isEmpty(), "annotations");
    check(
        found,
        s.logging() != null
            && s.logging().driver() != null
            && !"json-file".equals(s.logging().driver())
            && !"local".equals(s.logging().driver()),
        "logging.driver");
    check(
        found,
        s.securityOpt().stream().anyMatch(o -> !SecurityOpts.isApplied(o)),
        "security_opt (only no-new-privileges and seccomp=unconfined are applied; a seccomp"
            + " profile file is not supported yet, Docker's default filter applies)");
    check(
        found,
        s.volumes().stream()
            .anyMatch(
                v ->
                    !ServiceVolume.BIND.equals(v.type())
                        && !ServiceVolume.VOLUME.equals(v.type())
                        && !ServiceVolume.TMPFS.equals(v.type())),
        "volumes of type npipe/cluster/image");
    check(found, fileBased(project.secrets(), s.secrets()), "secrets not backed by a file");
    check(found, fileBased(project.configs(), s.configs()), "configs not backed by a file");
    found.addAll(UnsupportedNetworkAttributes.ofService(s));
    s.otherAttributes().keySet().stream().sorted().forEach(found::add);
    List<String> out = new ArrayList<>();
    for (String attribute : found) {
      out.add("services." + s.name() + "." + attribute + ": not supported by jcompose; ignored");
    }
    out.addAll(networkMode(s));
    return out;
  }

  /** One warning line per setting of the networks {@code keys} that jcompose does not apply. */
  static List<String> ofNetworks(Project project, Collection<String> keys) {
    List<String> out = new ArrayList<>();
    for (String key : keys) {
      out.addAll(UnsupportedNetworkAttributes.ofNetwork(key, project.networks().get(key)));
    }
    return out;
  }

  private static List<String> networkMode(Service s) {
    String at = "services." + s.name() + ".";
    if (ServiceNames.joinsDefaultByMode(s)) {
      return List.of(
          at
              + "network_mode: "
              + s.networkMode()
              + " joins the project's default network (jcompose has no engine-wide bridge"
              + " network)");
    }
    if (s.networkMode() != null && s.macAddress() != null) {
      return List.of(
          at
              + "mac_address: ignored with network_mode: "
              + s.networkMode()
              + " (the container has no interface of its own)");
    }
    return List.of();
  }

  private static boolean isolatedNamespace(String mode) {
    return mode != null
        && !mode.startsWith("service:")
        && !mode.startsWith("container:")
        && !mode.equals("host")
        && !mode.equals("private")
        && !mode.equals("shareable");
  }

  private static boolean fileBased(Map<String, FileResource> defs, List<ServiceFileRef> refs) {
    return refs.stream()
        .anyMatch(r -> defs.get(r.source()) == null || defs.get(r.source()).file() == null);
  }

  private static void check(List<String> found, boolean present, String attribute) {
    if (present) {
      found.add(attribute);
    }
  }
}
