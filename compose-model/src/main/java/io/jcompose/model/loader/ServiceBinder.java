package io.jcompose.model.loader;

import io.jcompose.model.api.BuildSpec;
import io.jcompose.model.api.ComposeFileException;
import io.jcompose.model.api.DeviceMapping;
import io.jcompose.model.api.EnvFileRef;
import io.jcompose.model.api.Healthcheck;
import io.jcompose.model.api.LoggingSpec;
import io.jcompose.model.api.Service;
import io.jcompose.model.api.ServiceDependency;
import io.jcompose.model.api.ServiceFileRef;
import io.jcompose.model.api.ServiceNetwork;
import io.jcompose.model.api.ServicePort;
import io.jcompose.model.api.ServiceVolume;
import io.jcompose.model.api.UlimitSetting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Stage 7: one canonical service tree to a {@link Service} record, reading its env files. */
final class ServiceBinder {
  static final Set<String> OTHER_ATTRIBUTES =
      Set.of(
          "blkio_config",
          "credential_spec",
          "develop",
          "gpus",
          "models",
          "provider",
          "post_start",
          "pre_stop",
          "storage_opt",
          "use_api_socket",
          "pull_refresh_after");

  private final Map<String, String> env;
  private final boolean resolveBareNames;

  ServiceBinder(Map<String, String> env, boolean resolveBareNames) {
    this.env = env;
    this.resolveBareNames = resolveBareNames;
  }

  Service bind(String file, String name, CanonicalNode s) throws ComposeFileException {
    Service.Builder b = Service.builder(name);
    b.image(s.str("image"));
    b.build(build(s.node("build")));
    b.command(s.strings("command"));
    b.entrypoint(s.strings("entrypoint"));
    List<EnvFileRef> envFiles = new ArrayList<>();
    for (Map<String, Object> e : s.mapList("env_file")) {
      CanonicalNode n = new CanonicalNode(e);
      envFiles.add(new EnvFileRef(n.str("path"), n.flag("required"), n.str("format")));
    }
    b.envFiles(envFiles);
    b.environment(environment(file, name, envFiles, s.stringMap("environment")));
    b.labelFiles(s.stringsOrEmpty("label_file"));
    b.ports(ports(s));
    b.expose(s.stringsOrEmpty("expose"));
    b.volumes(volumes(s));
    b.volumesFrom(s.stringsOrEmpty("volumes_from"));
    b.tmpfs(s.stringsOrEmpty("tmpfs"));
    Map<String, ServiceDependency> deps = new LinkedHashMap<>();
    s.objectMap("depends_on")
        .forEach(
            (k, v) -> {
              CanonicalNode d = new CanonicalNode(v);
              deps.put(
                  k,
                  new ServiceDependency(d.str("condition"), d.flag("required"), d.flag("restart")));
            });
    b.dependsOn(deps);
    b.links(s.stringsOrEmpty("links"));
    b.externalLinks(s.stringsOrEmpty("external_links"));
    b.healthcheck(healthcheck(s.node("healthcheck")));
    b.restart(s.str("restart"));
    b.deploy(DeployBinder.bind(s.node("deploy")));
    b.scale(s.integer("scale"));
    Map<String, ServiceNetwork> networks = new LinkedHashMap<>();
    s.objectMap("networks").forEach((k, v) -> networks.put(k, network(new CanonicalNode(v))));
    b.networks(networks);
    b.networkMode(s.str("network_mode"));
    b.containerName(s.str("container_name"));
    b.hostname(s.str("hostname"));
    b.domainname(s.str("domainname"));
    b.macAddress(s.str("mac_address"));
    b.user(s.str("user"));
    b.workingDir(s.str("working_dir"));
    b.groupAdd(s.stringsOrEmpty("group_add"));
    b.usernsMode(s.str("userns_mode"));
    b.init(s.bool("init"));
    b.tty(s.flag("tty"));
    b.stdinOpen(s.flag("stdin_open"));
    b.privileged(s.flag("privileged"));
    b.readOnly(s.flag("read_only"));
    b.capAdd(s.stringsOrEmpty("cap_add"));
    b.capDrop(s.stringsOrEmpty("cap_drop"));
    b.securityOpt(s.stringsOrEmpty("security_opt"));
    b.ulimits(ulimits(s.objectMap("ulimits")));
    b.sysctls(s.stringMap("sysctls"));
    b.memLimit(s.lng("mem_limit"));
    b.memReservation(s.lng("mem_reservation"));
    b.memswapLimit(s.lng("memswap_limit"));
    b.memSwappiness(s.integer("mem_swappiness"));
    b.oomKillDisable(s.flag("oom_kill_disable"));
    b.oomScoreAdj(s.integer("oom_score_adj"));
    b.cpus(s.dbl("cpus"));
    b.cpuShares(s.lng("cpu_shares"));
    b.cpuset(s.str("cpuset"));
    b.cpuCount(s.lng("cpu_count"));
    b.cpuPercent(s.lng("cpu_percent"));
    b.cpuPeriod(s.lng("cpu_period"));
    b.cpuQuota(s.lng("cpu_quota"));
    b.cpuRtPeriod(s.lng("cpu_rt_period"));
    b.cpuRtRuntime(s.lng("cpu_rt_runtime"));
    b.pidsLimit(s.lng("pids_limit"));
    b.shmSize(s.lng("shm_size"));
    b.stopSignal(s.str("stop_signal"));
    b.stopGracePeriod(s.duration("stop_grace_period"));
    b.labels(s.stringMap("labels"));
    b.annotations(s.stringMap("annotations"));
    b.extraHosts(s.stringsOrEmpty("extra_hosts"));
    b.dns(s.stringsOrEmpty("dns"));
    b.dnsSearch(s.stringsOrEmpty("dns_search"));
    b.dnsOpt(s.stringsOrEmpty("dns_opt"));
    List<DeviceMapping> devices = new ArrayList<>();
    for (Map<String, Object> d : s.mapList("devices")) {
      CanonicalNode n = new CanonicalNode(d);
      devices.add(new DeviceMapping(n.str("source"), n.str("target"), n.str("permissions")));
    }
    b.devices(devices);
    b.deviceCgroupRules(s.stringsOrEmpty("device_cgroup_rules"));
    b.ipc(s.str("ipc"));
    b.pid(s.str("pid"));
    b.uts(s.str("uts"));
    b.cgroup(s.str("cgroup"));
    b.cgroupParent(s.str("cgroup_parent"));
    b.isolation(s.str("isolation"));
    b.runtime(s.str("runtime"));
    b.platform(s.str("platform"));
    b.pullPolicy(s.str("pull_policy"));
    b.profiles(s.stringsOrEmpty("profiles"));
    CanonicalNode logging = s.node("logging");
    b.logging(
        logging == null
            ? null
            : new LoggingSpec(logging.str("driver"), logging.stringMap("options")));
    b.secrets(fileRefs(s.mapList("secrets")));
    b.configs(fileRefs(s.mapList("configs")));
    b.attach(s.bool("attach"));
    Map<String, Object> other = new LinkedHashMap<>();
    for (String k : OTHER_ATTRIBUTES) {
      if (s.has(k)) {
        other.put(k, s.raw(k));
      }
    }
    b.otherAttributes(other);
    b.extensions(s.extensions());
    return b.build();
  }

  private Map<String, String> environment(
      String file, String service, List<EnvFileRef> envFiles, Map<String, String> explicit)
      throws ComposeFileException {
    Map<String, String> out = new LinkedHashMap<>();
    for (EnvFileRef ref : envFiles) {
      Path path = Path.of(ref.path());
      if (!Files.isRegularFile(path)) {
        if (ref.required()) {
          throw new ComposeFileException(
              file,
              "services." + service + ".env_file",
              "env file " + ref.path() + " not found; create it or set required: false");
        }
        continue;
      }
      Map<String, String> values = EnvironmentResolver.readEnvFile(path, ref.path(), env);
      values.forEach((k, v) -> out.put(k, v == null && resolveBareNames ? env.get(k) : v));
    }
    explicit.forEach((k, v) -> out.put(k, v == null && resolveBareNames ? env.get(k) : v));
    return out;
  }

  private static BuildSpec build(CanonicalNode n) {
    if (n == null) {
      return null;
    }
    Map<String, Object> other = new LinkedHashMap<>();
    for (String k : List.of("provenance", "sbom")) {
      if (n.has(k)) {
        other.put(k, n.raw(k));
      }
    }
    return new BuildSpec(
        n.str("context"),
        n.str("dockerfile"),
        n.str("dockerfile_inline"),
        n.stringMap("args"),
        n.str("target"),
        n.stringMap("labels"),
        n.strings("cache_from"),
        n.strings("cache_to"),
        n.str("network"),
        n.lng("shm_size"),
        n.strings("extra_hosts"),
        n.strings("platforms"),
        n.strings("tags"),
        n.flag("no_cache"),
        n.flag("pull"),
        n.flag("privileged"),
        n.str("isolation"),
        n.strings("ssh"),
        fileRefs(n.mapList("secrets")),
        n.stringMap("additional_contexts"),
        ulimits(n.objectMap("ulimits")),
        n.strings("entitlements"),
        other);
  }

  private static List<ServicePort> ports(CanonicalNode s) {
    List<ServicePort> out = new ArrayList<>();
    for (Map<String, Object> p : s.mapList("ports")) {
      CanonicalNode n = new CanonicalNode(p);
      out.add(
          new ServicePort(
              n.str("name"),
              n.integer("target"),
              n.str("published"),
              n.str("host_ip"),
              n.str("protocol"),
              n.str("mode"),
              n.str("app_protocol")));
    }
    return out;
  }

  private static List<ServiceVolume> volumes(CanonicalNode s) {
    List<ServiceVolume> out = new ArrayList<>();
    for (Map<String, Object> v : s.mapList("volumes")) {
      CanonicalNode n = new CanonicalNode(v);
      CanonicalNode bind = n.node("bind");
      CanonicalNode vol = n.node("volume");
      CanonicalNode tmpfs = n.node("tmpfs");
      out.add(
          new ServiceVolume(
              n.str("type"),
              n.str("source"),
              n.str("target"),
              n.flag("read_only"),
              n.str("consistency"),
              bind == null
                  ? null
                  : new ServiceVolume.BindOptions(
                      bind.str("propagation"),
                      bind.bool("create_host_path"),
                      bind.str("selinux"),
                      bind.str("recursive")),
              vol == null
                  ? null
                  : new ServiceVolume.VolumeOptions(vol.flag("nocopy"), vol.str("subpath")),
              tmpfs == null
                  ? null
                  : new ServiceVolume.TmpfsOptions(tmpfs.lng("size"), tmpfs.integer("mode"))));
    }
    return out;
  }

  private static Healthcheck healthcheck(CanonicalNode h) {
    if (h == null) {
      return null;
    }
    return new Healthcheck(
        h.strings("test"),
        h.duration("interval"),
        h.duration("timeout"),
        h.duration("start_period"),
        h.duration("start_interval"),
        h.integer("retries"),
        h.flag("disable"));
  }

  private static ServiceNetwork network(CanonicalNode n) {
    return new ServiceNetwork(
        n.strings("aliases"),
        n.str("ipv4_address"),
        n.str("ipv6_address"),
        n.strings("link_local_ips"),
        n.str("mac_address"),
        n.stringMap("driver_opts"),
        n.integer("priority"),
        n.integer("gw_priority"),
        n.str("interface_name"));
  }

  private static Map<String, UlimitSetting> ulimits(Map<String, Object> m) {
    Map<String, UlimitSetting> out = new LinkedHashMap<>();
    m.forEach(
        (k, v) -> {
          CanonicalNode n = new CanonicalNode(v);
          out.put(k, new UlimitSetting(n.lng("soft"), n.lng("hard")));
        });
    return out;
  }

  static List<ServiceFileRef> fileRefs(List<Map<String, Object>> refs) {
    List<ServiceFileRef> out = new ArrayList<>();
    for (Map<String, Object> r : refs) {
      CanonicalNode n = new CanonicalNode(r);
      out.add(
          new ServiceFileRef(
              n.str("source"), n.str("target"), n.str("uid"), n.str("gid"), n.integer("mode")));
    }
    return out;
  }
}
