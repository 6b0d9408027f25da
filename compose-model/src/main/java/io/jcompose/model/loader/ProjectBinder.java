package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;
import io.jcompose.model.api.FileResource;
import io.jcompose.model.api.NetworkDefinition;
import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import io.jcompose.model.api.ServiceNetwork;
import io.jcompose.model.api.VolumeDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 7: the merged canonical tree to the {@link Project} record: services split by profile, the
 * implicit {@code default} network added, resource names resolved.
 */
final class ProjectBinder {
  private final String projectName;
  private final ServiceBinder services;

  ProjectBinder(String projectName, ServiceBinder services) {
    this.projectName = projectName;
    this.services = services;
  }

  Project bind(
      ProjectAssembler.Assembled assembled,
      ProfileFilter profiles,
      String workingDir,
      List<String> configFiles,
      List<String> warnings)
      throws ComposeFileException {
    CanonicalNode root = new CanonicalNode(assembled.tree());
    Map<String, Service> enabled = new LinkedHashMap<>();
    Map<String, Service> disabled = new LinkedHashMap<>();
    boolean usesDefault = false;
    for (Map.Entry<String, Object> e : root.objectMap("services").entrySet()) {
      CanonicalNode node = new CanonicalNode(e.getValue());
      String file = assembled.serviceFiles().getOrDefault(e.getKey(), assembled.firstFile());
      Service s = services.bind(file, e.getKey(), node);
      boolean on = profiles.enabled(e.getKey(), node.asMap());
      if (s.networks().isEmpty() && s.networkMode() == null) {
        s = s.toBuilder().networks(Map.of("default", ServiceNetwork.plain())).build();
        usesDefault |= on;
      }
      (on ? enabled : disabled).put(e.getKey(), s);
    }
    Map<String, NetworkDefinition> networks = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : root.objectMap("networks").entrySet()) {
      networks.put(e.getKey(), network(e.getKey(), new CanonicalNode(e.getValue())));
    }
    if (usesDefault && !networks.containsKey("default")) {
      networks.put("default", NetworkDefinition.bridge("default", projectName + "_default"));
    }
    Map<String, VolumeDefinition> volumes = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : root.objectMap("volumes").entrySet()) {
      CanonicalNode v = new CanonicalNode(e.getValue());
      volumes.put(
          e.getKey(),
          new VolumeDefinition(
              e.getKey(),
              resourceName(e.getKey(), v),
              v.str("driver"),
              v.stringMap("driver_opts"),
              v.flag("external"),
              v.stringMap("labels"),
              v.extensions()));
    }
    Map<String, Object> extensions = new LinkedHashMap<>();
    root.asMap()
        .forEach(
            (k, v) -> {
              if (k.startsWith("x-")) {
                extensions.put(k, v);
              }
            });
    return new Project(
        projectName,
        workingDir,
        configFiles,
        enabled,
        networks,
        volumes,
        fileResources(root.objectMap("secrets")),
        fileResources(root.objectMap("configs")),
        profiles.active(),
        disabled,
        new ArrayList<>(warnings),
        root.objectMap("models"),
        extensions);
  }

  private NetworkDefinition network(String key, CanonicalNode n) {
    CanonicalNode ipam = n.node("ipam");
    NetworkDefinition.Ipam ipamSpec = null;
    if (ipam != null) {
      List<NetworkDefinition.IpamPool> pools = new ArrayList<>();
      for (Map<String, Object> p : ipam.mapList("config")) {
        CanonicalNode pool = new CanonicalNode(p);
        pools.add(
            new NetworkDefinition.IpamPool(
                pool.str("subnet"),
                pool.str("ip_range"),
                pool.str("gateway"),
                pool.stringMap("aux_addresses")));
      }
      ipamSpec = new NetworkDefinition.Ipam(ipam.str("driver"), pools, ipam.stringMap("options"));
    }
    return new NetworkDefinition(
        key,
        resourceName(key, n),
        n.str("driver"),
        n.stringMap("driver_opts"),
        ipamSpec,
        n.flag("external"),
        n.flag("internal"),
        n.flag("attachable"),
        n.bool("enable_ipv4"),
        n.bool("enable_ipv6"),
        n.stringMap("labels"),
        n.extensions());
  }

  private Map<String, FileResource> fileResources(Map<String, Object> section) {
    Map<String, FileResource> out = new LinkedHashMap<>();
    section.forEach(
        (k, v) -> {
          CanonicalNode n = new CanonicalNode(v);
          out.put(
              k,
              new FileResource(
                  k,
                  resourceName(k, n),
                  n.str("file"),
                  n.str("environment"),
                  n.str("content"),
                  n.flag("external"),
                  n.stringMap("labels"),
                  n.str("driver"),
                  n.stringMap("driver_opts"),
                  n.str("template_driver"),
                  n.extensions()));
        });
    return out;
  }

  private String resourceName(String key, CanonicalNode n) {
    if (n.has("name")) {
      return n.str("name");
    }
    return n.flag("external") ? key : projectName + "_" + key;
  }
}
