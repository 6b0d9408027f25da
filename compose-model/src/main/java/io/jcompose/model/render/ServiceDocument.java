package io.jcompose.model.render;

import io.jcompose.model.api.BuildSpec;
import io.jcompose.model.api.Deploy;
import io.jcompose.model.api.Healthcheck;
import io.jcompose.model.api.Service;
import io.jcompose.model.api.ServiceFileRef;
import io.jcompose.model.api.ServiceNetwork;
import io.jcompose.model.api.ServicePort;
import io.jcompose.model.api.ServiceVolume;
import io.jcompose.model.api.UlimitSetting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One service as the mapping {@code docker compose config} prints (snake_case, long forms). */
final class ServiceDocument {
  private ServiceDocument() {}

  static Map<String, Object> of(Service s) {
    DocumentMap m = new DocumentMap(new TreeMap<>());
    m.put("annotations", s.annotations());
    m.put("attach", s.attach());
    m.put("build", build(s.build()));
    m.put("cap_add", s.capAdd());
    m.put("cap_drop", s.capDrop());
    m.put("cgroup", s.cgroup());
    m.put("cgroup_parent", s.cgroupParent());
    m.putAlways("command", s.command());
    m.put("configs", refs(s.configs()));
    m.put("container_name", s.containerName());
    m.put("cpu_count", s.cpuCount());
    m.put("cpu_percent", s.cpuPercent());
    m.put("cpu_period", s.cpuPeriod());
    m.put("cpu_quota", s.cpuQuota());
    m.put("cpu_rt_period", s.cpuRtPeriod());
    m.put("cpu_rt_runtime", s.cpuRtRuntime());
    m.put("cpu_shares", s.cpuShares());
    m.put("cpus", s.cpus());
    m.put("cpuset", s.cpuset());
    Map<String, Object> deps = new LinkedHashMap<>();
    s.dependsOn()
        .forEach(
            (k, d) -> {
              DocumentMap dm = new DocumentMap(new LinkedHashMap<>());
              dm.put("condition", d.condition());
              dm.putAlways("required", d.required());
              dm.put("restart", d.restart());
              deps.put(k, dm.map());
            });
    m.put("depends_on", deps);
    m.put("deploy", deploy(s.deploy()));
    m.put("device_cgroup_rules", s.deviceCgroupRules());
    List<Object> devices = new ArrayList<>();
    s.devices()
        .forEach(
            d -> {
              DocumentMap dm = new DocumentMap(new LinkedHashMap<>());
              dm.put("source", d.source());
              dm.put("target", d.target());
              dm.put("permissions", d.permissions());
              devices.add(dm.map());
            });
    m.put("devices", devices);
    m.put("dns", s.dns());
    m.put("dns_opt", s.dnsOpt());
    m.put("dns_search", s.dnsSearch());
    m.put("domainname", s.domainname());
    m.putAlways("entrypoint", s.entrypoint());
    List<Object> envFiles = new ArrayList<>();
    s.envFiles()
        .forEach(
            e -> {
              DocumentMap dm = new DocumentMap(new LinkedHashMap<>());
              dm.put("path", e.path());
              dm.putAlways("required", e.required());
              dm.put("format", e.format());
              envFiles.add(dm.map());
            });
    m.put("env_file", envFiles);
    m.put("environment", s.environment());
    m.put("expose", s.expose());
    m.put("external_links", s.externalLinks());
    m.put("extra_hosts", s.extraHosts());
    m.put("group_add", s.groupAdd());
    m.put("healthcheck", healthcheck(s.healthcheck()));
    m.put("hostname", s.hostname());
    m.put("image", s.image());
    m.put("init", s.init());
    m.put("ipc", s.ipc());
    m.put("isolation", s.isolation());
    m.put("label_file", s.labelFiles());
    m.put("labels", s.labels());
    m.put("links", s.links());
    if (s.logging() != null) {
      DocumentMap lm = new DocumentMap(new LinkedHashMap<>());
      lm.put("driver", s.logging().driver());
      lm.put("options", s.logging().options());
      m.putAlways("logging", lm.map());
    }
    m.put("mac_address", s.macAddress());
    m.put("mem_limit", DocumentMap.bytes(s.memLimit()));
    m.put("mem_reservation", DocumentMap.bytes(s.memReservation()));
    m.put("mem_swappiness", s.memSwappiness());
    m.put("memswap_limit", DocumentMap.bytes(s.memswapLimit()));
    m.put("network_mode", s.networkMode());
    Map<String, Object> networks = new LinkedHashMap<>();
    s.networks().forEach((k, n) -> networks.put(k, network(n)));
    m.put("networks", networks);
    m.put("oom_kill_disable", s.oomKillDisable());
    m.put("oom_score_adj", s.oomScoreAdj());
    m.put("pid", s.pid());
    m.put("pids_limit", s.pidsLimit());
    m.put("platform", s.platform());
    List<Object> ports = new ArrayList<>();
    s.ports().forEach(p -> ports.add(port(p)));
    m.put("ports", ports);
    m.put("privileged", s.privileged());
    m.put("profiles", s.profiles());
    m.put("pull_policy", s.pullPolicy());
    m.put("read_only", s.readOnly());
    m.put("restart", s.restart());
    m.put("runtime", s.runtime());
    m.put("scale", s.scale());
    m.put("secrets", refs(s.secrets()));
    m.put("security_opt", s.securityOpt());
    m.put("shm_size", DocumentMap.bytes(s.shmSize()));
    m.put("stdin_open", s.stdinOpen());
    m.put("stop_grace_period", DocumentMap.duration(s.stopGracePeriod()));
    m.put("stop_signal", s.stopSignal());
    m.put("sysctls", s.sysctls());
    m.put("tmpfs", s.tmpfs());
    m.put("tty", s.tty());
    m.put("ulimits", ulimits(s.ulimits()));
    m.put("user", s.user());
    m.put("userns_mode", s.usernsMode());
    m.put("uts", s.uts());
    List<Object> volumes = new ArrayList<>();
    s.volumes().forEach(v -> volumes.add(volume(v)));
    m.put("volumes", volumes);
    m.put("volumes_from", s.volumesFrom());
    m.put("working_dir", s.workingDir());
    s.otherAttributes().forEach(m::put);
    s.extensions().forEach(m::putAlways);
    return m.map();
  }

  private static Object build(BuildSpec b) {
    if (b == null) {
      return null;
    }
    DocumentMap m = new DocumentMap(new TreeMap<>());
    m.put("context", b.context());
    m.put("dockerfile", b.dockerfile());
    m.put("dockerfile_inline", b.dockerfileInline());
    m.put("args", b.args());
    m.put("target", b.target());
    m.put("labels", b.labels());
    m.put("cache_from", b.cacheFrom());
    m.put("cache_to", b.cacheTo());
    m.put("network", b.network());
    m.put("shm_size", DocumentMap.bytes(b.shmSize()));
    m.put("extra_hosts", b.extraHosts());
    m.put("platforms", b.platforms());
    m.put("tags", b.tags());
    m.put("no_cache", b.noCache());
    m.put("pull", b.pull());
    m.put("privileged", b.privileged());
    m.put("isolation", b.isolation());
    m.put("ssh", b.ssh());
    m.put("secrets", refs(b.secrets()));
    m.put("additional_contexts", b.additionalContexts());
    m.put("ulimits", ulimits(b.ulimits()));
    m.put("entitlements", b.entitlements());
    b.otherAttributes().forEach(m::put);
    return m.map();
  }

  private static Object deploy(Deploy d) {
    if (d == null) {
      return null;
    }
    DocumentMap m = new DocumentMap(new LinkedHashMap<>());
    m.put("mode", d.mode());
    m.put("replicas", d.replicas());
    m.put("labels", d.labels());
    m.put("endpoint_mode", d.endpointMode());
    if (d.resources() != null) {
      DocumentMap r = new DocumentMap(new LinkedHashMap<>());
      r.put("limits", limit(d.resources().limits()));
      r.put("reservations", limit(d.resources().reservations()));
      m.putAlways("resources", r.map());
    }
    if (d.restartPolicy() != null) {
      DocumentMap r = new DocumentMap(new LinkedHashMap<>());
      r.put("condition", d.restartPolicy().condition());
      r.put("delay", DocumentMap.duration(d.restartPolicy().delay()));
      r.put("max_attempts", d.restartPolicy().maxAttempts());
      r.put("window", DocumentMap.duration(d.restartPolicy().window()));
      m.putAlways("restart_policy", r.map());
    }
    m.put("placement", d.placement());
    m.put("update_config", d.updateConfig());
    m.put("rollback_config", d.rollbackConfig());
    return m.map();
  }

  private static Object limit(Deploy.ResourceLimit l) {
    if (l == null) {
      return null;
    }
    DocumentMap m = new DocumentMap(new LinkedHashMap<>());
    m.put("cpus", l.cpus());
    m.put("memory", DocumentMap.bytes(l.memory()));
    m.put("pids", l.pids());
    m.put("devices", l.devices());
    m.put("generic_resources", l.genericResources());
    return m.map();
  }

  private static Object healthcheck(Healthcheck h) {
    if (h == null) {
      return null;
    }
    DocumentMap m = new DocumentMap(new LinkedHashMap<>());
    m.put("test", h.test());
    m.put("interval", DocumentMap.duration(h.interval()));
    m.put("timeout", DocumentMap.duration(h.timeout()));
    m.put("start_period", DocumentMap.duration(h.startPeriod()));
    m.put("start_interval", DocumentMap.duration(h.startInterval()));
    m.put("retries", h.retries());
    m.put("disable", h.disable());
    return m.map();
  }

  private static Object network(ServiceNetwork n) {
    DocumentMap m = new DocumentMap(new LinkedHashMap<>());
    m.put("aliases", n.aliases());
    m.put("ipv4_address", n.ipv4Address());
    m.put("ipv6_address", n.ipv6Address());
    m.put("link_local_ips", n.linkLocalIps());
    m.put("mac_address", n.macAddress());
    m.put("driver_opts", n.driverOpts());
    m.put("priority", n.priority());
    m.put("gw_priority", n.gwPriority());
    m.put("interface_name", n.interfaceName());
    return m.map().isEmpty() ? null : m.map();
  }

  private static Object port(ServicePort p) {
    DocumentMap m = new DocumentMap(new LinkedHashMap<>());
    m.put("name", p.name());
    m.put("mode", p.mode());
    m.put("host_ip", p.hostIp());
    m.putAlways("target", p.target());
    m.put("published", p.published().isEmpty() ? null : p.published());
    m.put("protocol", p.protocol());
    m.put("app_protocol", p.appProtocol());
    return m.map();
  }

  private static Object volume(ServiceVolume v) {
    DocumentMap m = new DocumentMap(new LinkedHashMap<>());
    m.put("type", v.type());
    m.put("source", v.source());
    m.put("target", v.target());
    m.put("read_only", v.readOnly());
    m.put("consistency", v.consistency());
    if (v.bind() != null) {
      DocumentMap b = new DocumentMap(new LinkedHashMap<>());
      b.put("propagation", v.bind().propagation());
      b.put("create_host_path", v.bind().createHostPath());
      b.put("selinux", v.bind().selinux());
      b.put("recursive", v.bind().recursive());
      m.putAlways("bind", b.map());
    }
    if (v.volume() != null) {
      DocumentMap b = new DocumentMap(new LinkedHashMap<>());
      b.put("nocopy", v.volume().nocopy());
      b.put("subpath", v.volume().subpath());
      m.putAlways("volume", b.map());
    }
    if (v.tmpfs() != null) {
      DocumentMap b = new DocumentMap(new LinkedHashMap<>());
      b.put("size", v.tmpfs().size());
      b.put("mode", v.tmpfs().mode());
      m.putAlways("tmpfs", b.map());
    }
    return m.map();
  }

  private static List<Object> refs(List<ServiceFileRef> refs) {
    List<Object> out = new ArrayList<>();
    for (ServiceFileRef r : refs) {
      DocumentMap m = new DocumentMap(new LinkedHashMap<>());
      m.put("source", r.source());
      m.put("target", r.target());
      m.put("uid", r.uid());
      m.put("gid", r.gid());
      m.put("mode", r.mode());
      out.add(m.map());
    }
    return out;
  }

  private static Map<String, Object> ulimits(Map<String, UlimitSetting> ulimits) {
    Map<String, Object> out = new LinkedHashMap<>();
    ulimits.forEach(
        (k, u) -> {
          if (u.soft() == u.hard()) {
            out.put(k, u.soft());
          } else {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("soft", u.soft());
            m.put("hard", u.hard());
            out.put(k, m);
          }
        });
    return out;
  }
}
