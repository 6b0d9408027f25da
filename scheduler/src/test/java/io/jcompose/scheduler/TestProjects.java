package io.jcompose.scheduler;

import io.jcompose.model.api.Healthcheck;
import io.jcompose.model.api.NetworkDefinition;
import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import io.jcompose.model.api.ServiceDependency;
import io.jcompose.model.api.VolumeDefinition;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.ContainerStatus;
import io.jcompose.scheduler.plan.ComposeLabels;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small projects built in code for scheduler tests. */
public final class TestProjects {

  private TestProjects() {}

  /** A project with a default network and the given services. */
  public static Project project(String name, Service.Builder... services) {
    Map<String, Service> byName = new LinkedHashMap<>();
    for (Service.Builder b : services) {
      Service s = b.build();
      byName.put(s.name(), s);
    }
    return new Project(
        name,
        "/tmp/" + name,
        List.of("/tmp/" + name + "/compose.yaml"),
        byName,
        Map.of("default", NetworkDefinition.bridge("default", name + "_default")),
        Map.of(),
        Map.of(),
        Map.of(),
        List.of(),
        Map.of(),
        List.of(),
        Map.of(),
        Map.of());
  }

  /** Adds a named volume definition to a project. */
  public static Project withVolume(Project p, String key) {
    Map<String, VolumeDefinition> vols = new HashMap<>(p.volumes());
    vols.put(key, VolumeDefinition.local(key, p.name() + "_" + key));
    return withResources(p, p.networks(), vols);
  }

  /** Adds (or replaces) a top-level network definition of a project, under its key. */
  public static Project withNetwork(Project p, NetworkDefinition def) {
    Map<String, NetworkDefinition> nets = new LinkedHashMap<>(p.networks());
    nets.put(def.key(), def);
    return withNetworks(p, nets);
  }

  /** A copy of a project whose top-level networks are exactly {@code nets}. */
  public static Project withNetworks(Project p, Map<String, NetworkDefinition> nets) {
    return withResources(p, nets, p.volumes());
  }

  private static Project withResources(
      Project p, Map<String, NetworkDefinition> nets, Map<String, VolumeDefinition> vols) {
    return new Project(
        p.name(),
        p.workingDir(),
        p.configFiles(),
        p.services(),
        nets,
        vols,
        p.secrets(),
        p.configs(),
        p.activeProfiles(),
        p.disabledServices(),
        p.warnings(),
        p.models(),
        p.extensions());
  }

  /** A bridge network {@code key} of project {@code project} with the given IPAM pools. */
  public static NetworkDefinition network(
      String project,
      String key,
      Map<String, String> driverOpts,
      NetworkDefinition.IpamPool... pools) {
    return new NetworkDefinition(
        key,
        project + "_" + key,
        null,
        driverOpts,
        pools.length == 0 ? null : new NetworkDefinition.Ipam(null, List.of(pools), null),
        false,
        false,
        false,
        null,
        null,
        null,
        null);
  }

  /** An internal bridge network with an MTU option and user labels. */
  public static NetworkDefinition internalNetwork(
      String project, String key, String mtu, Map<String, String> labels) {
    return new NetworkDefinition(
        key,
        project + "_" + key,
        null,
        Map.of("com.docker.network.driver.mtu", mtu),
        null,
        false,
        true,
        false,
        null,
        null,
        labels,
        null);
  }

  /** An IPAM pool with a subnet, and optionally an ip_range and gateway. */
  public static NetworkDefinition.IpamPool pool(String subnet, String ipRange, String gateway) {
    return new NetworkDefinition.IpamPool(subnet, ipRange, gateway, null);
  }

  /** A busybox service. */
  public static Service.Builder service(String name) {
    return Service.builder(name).image("busybox").command(List.of("sleep", "3600"));
  }

  /** A depends_on map: pairs of service name and condition. */
  public static Map<String, ServiceDependency> deps(String... nameAndCondition) {
    Map<String, ServiceDependency> out = new LinkedHashMap<>();
    for (int i = 0; i < nameAndCondition.length; i += 2) {
      out.put(nameAndCondition[i], ServiceDependency.of(nameAndCondition[i + 1]));
    }
    return out;
  }

  /** A CMD-SHELL healthcheck with a 200 ms interval and one retry. */
  public static Healthcheck health(String script) {
    return new Healthcheck(
        List.of("CMD-SHELL", script), Duration.ofMillis(200), null, null, null, 1, false);
  }

  /** An observed container of a project's service. */
  public static ContainerState container(
      String project, String service, int number, String hash, ContainerStatus status) {
    Map<String, String> labels = new HashMap<>();
    labels.put(ComposeLabels.PROJECT, project);
    labels.put(ComposeLabels.SERVICE, service);
    labels.put(ComposeLabels.NUMBER, Integer.toString(number));
    labels.put(ComposeLabels.ONEOFF, "False");
    if (hash != null) {
      labels.put(ComposeLabels.CONFIG_HASH, hash);
    }
    String name = project + "-" + service + "-" + number;
    return new ContainerState(
        "id-" + name,
        name,
        "busybox",
        labels,
        status,
        status == ContainerStatus.RUNNING ? 100 : 0,
        0,
        false,
        Instant.EPOCH,
        null,
        null);
  }
}
