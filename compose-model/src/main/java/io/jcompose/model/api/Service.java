package io.jcompose.model.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One service of a project in canonical long form: every attribute of the Compose specification is
 * read into a component (the runtime warns about the ones it does not support; none is dropped
 * silently). Collections are never null (absent means empty) except {@code command} and {@code
 * entrypoint}, where null (keep the image's) differs from empty (clear it). Scalars are null when
 * the file does not set them.
 *
 * @param name the service's key under {@code services}
 * @param image image reference, null when only built (image)
 * @param build how to build the image, null when not built (build)
 * @param command command overriding the image's CMD; null keeps the image's, empty clears it
 *     (command)
 * @param entrypoint entrypoint overriding the image's; null keeps the image's, empty clears it
 *     (entrypoint)
 * @param environment resolved environment, env_file values merged under it; a null value is a bare
 *     name unset in the shell (environment)
 * @param envFiles env files read, paths absolute (env_file)
 * @param labelFiles label files read, paths absolute (label_file)
 * @param ports published ports in long form, ranges expanded (ports)
 * @param expose exposed ports, as written (expose)
 * @param volumes mounts in long form, relative sources absolute (volumes)
 * @param volumesFrom services or containers whose volumes are mounted (volumes_from)
 * @param tmpfs tmpfs mount targets (short form, with options) (tmpfs)
 * @param dependsOn dependencies in long form, keyed by service (depends_on)
 * @param links legacy links {@code service[:alias]} (links)
 * @param externalLinks links to containers outside the project (external_links)
 * @param healthcheck health probe, null when not set (the image's applies) (healthcheck)
 * @param restart restart policy: no, always, on-failure[:n], unless-stopped; null when unset
 *     (restart)
 * @param deploy deploy section, null when absent (deploy)
 * @param scale replica count from {@code scale}, null when unset; see {@link #replicas()} (scale)
 * @param networks networks joined, keyed by the project's network key (networks)
 * @param networkMode host, none, bridge, service:NAME or container:NAME; null for networks
 *     (network_mode)
 * @param containerName fixed container name, null for {@code <project>-<service>-<n>}
 *     (container_name)
 * @param hostname hostname (hostname)
 * @param domainname domain name (domainname)
 * @param macAddress MAC address (mac_address)
 * @param user user[:group] the process runs as (user)
 * @param workingDir working directory in the container (working_dir)
 * @param groupAdd supplementary groups (group_add)
 * @param usernsMode user namespace mode (userns_mode)
 * @param init run an init process as PID 1; null leaves the default (init)
 * @param tty allocate a terminal (tty)
 * @param stdinOpen keep stdin open (stdin_open)
 * @param privileged run privileged (privileged)
 * @param readOnly read-only root filesystem (read_only)
 * @param capAdd capabilities added (cap_add)
 * @param capDrop capabilities dropped (cap_drop)
 * @param securityOpt security options (security_opt)
 * @param ulimits rlimits keyed by name (nofile, nproc...) (ulimits)
 * @param sysctls namespaced kernel parameters (sysctls)
 * @param memLimit memory limit in bytes (mem_limit)
 * @param memReservation memory soft limit in bytes (mem_reservation)
 * @param memswapLimit memory+swap limit in bytes; -1 unlimited (memswap_limit)
 * @param memSwappiness swappiness 0..100 (mem_swappiness)
 * @param oomKillDisable disable the OOM killer (oom_kill_disable)
 * @param oomScoreAdj OOM score adjustment (oom_score_adj)
 * @param cpus CPU quota in CPUs (cpus)
 * @param cpuShares relative CPU weight (cpu_shares)
 * @param cpuset CPUs allowed, e.g. 0-1 (cpuset)
 * @param cpuCount usable CPU count (Windows) (cpu_count)
 * @param cpuPercent usable CPU percent (Windows) (cpu_percent)
 * @param cpuPeriod CFS period in microseconds (cpu_period)
 * @param cpuQuota CFS quota in microseconds (cpu_quota)
 * @param cpuRtPeriod realtime period in microseconds (cpu_rt_period)
 * @param cpuRtRuntime realtime runtime in microseconds (cpu_rt_runtime)
 * @param pidsLimit maximum number of processes; -1 unlimited (pids_limit)
 * @param shmSize size of /dev/shm in bytes (shm_size)
 * @param stopSignal signal that stops the container (stop_signal)
 * @param stopGracePeriod wait before SIGKILL (stop_grace_period)
 * @param labels container labels (labels)
 * @param annotations OCI annotations (annotations)
 * @param extraHosts extra /etc/hosts entries as {@code host=ip} (extra_hosts)
 * @param dns DNS servers (dns)
 * @param dnsSearch DNS search domains (dns_search)
 * @param dnsOpt resolver options (dns_opt)
 * @param devices host devices mapped in (devices)
 * @param deviceCgroupRules device cgroup rules (device_cgroup_rules)
 * @param ipc IPC namespace mode (ipc)
 * @param pid PID namespace mode (pid)
 * @param uts UTS namespace mode (uts)
 * @param cgroup cgroup namespace mode: host or private (cgroup)
 * @param cgroupParent parent cgroup (cgroup_parent)
 * @param isolation isolation technology (isolation)
 * @param runtime OCI runtime name (runtime)
 * @param platform target platform os/arch[/variant] (platform)
 * @param pullPolicy always, never, missing, build, daily, weekly, every_N; null for missing
 *     (pull_policy)
 * @param profiles profiles that enable this service; empty means always enabled (profiles)
 * @param logging logging driver and options, null when unset (logging)
 * @param secrets secrets granted, long form (secrets)
 * @param configs configs granted, long form (configs)
 * @param attach whether {@code up} attaches to the logs; null means yes (attach)
 * @param otherAttributes attributes kept as read without a typed field yet (blkio_config,
 *     credential_spec, develop, gpus, models, provider, post_start, pre_stop, storage_opt,
 *     use_api_socket, pull_refresh_after), keyed by their compose name
 * @param extensions {@code x-} extension fields
 */
public record Service(
    String name,
    String image,
    BuildSpec build,
    List<String> command,
    List<String> entrypoint,
    Map<String, String> environment,
    List<EnvFileRef> envFiles,
    List<String> labelFiles,
    List<ServicePort> ports,
    List<String> expose,
    List<ServiceVolume> volumes,
    List<String> volumesFrom,
    List<String> tmpfs,
    Map<String, ServiceDependency> dependsOn,
    List<String> links,
    List<String> externalLinks,
    Healthcheck healthcheck,
    String restart,
    Deploy deploy,
    Integer scale,
    Map<String, ServiceNetwork> networks,
    String networkMode,
    String containerName,
    String hostname,
    String domainname,
    String macAddress,
    String user,
    String workingDir,
    List<String> groupAdd,
    String usernsMode,
    Boolean init,
    boolean tty,
    boolean stdinOpen,
    boolean privileged,
    boolean readOnly,
    List<String> capAdd,
    List<String> capDrop,
    List<String> securityOpt,
    Map<String, UlimitSetting> ulimits,
    Map<String, String> sysctls,
    Long memLimit,
    Long memReservation,
    Long memswapLimit,
    Integer memSwappiness,
    boolean oomKillDisable,
    Integer oomScoreAdj,
    Double cpus,
    Long cpuShares,
    String cpuset,
    Long cpuCount,
    Long cpuPercent,
    Long cpuPeriod,
    Long cpuQuota,
    Long cpuRtPeriod,
    Long cpuRtRuntime,
    Long pidsLimit,
    Long shmSize,
    String stopSignal,
    Duration stopGracePeriod,
    Map<String, String> labels,
    Map<String, String> annotations,
    List<String> extraHosts,
    List<String> dns,
    List<String> dnsSearch,
    List<String> dnsOpt,
    List<DeviceMapping> devices,
    List<String> deviceCgroupRules,
    String ipc,
    String pid,
    String uts,
    String cgroup,
    String cgroupParent,
    String isolation,
    String runtime,
    String platform,
    String pullPolicy,
    List<String> profiles,
    LoggingSpec logging,
    List<ServiceFileRef> secrets,
    List<ServiceFileRef> configs,
    Boolean attach,
    Map<String, Object> otherAttributes,
    Map<String, Object> extensions) {

  /** Normalizes nulls: absent collections become empty, maps are sorted by key. */
  public Service {
    command = Frozen.nullableList(command);
    entrypoint = Frozen.nullableList(entrypoint);
    environment = Frozen.map(environment);
    envFiles = Frozen.list(envFiles);
    labelFiles = Frozen.list(labelFiles);
    ports = Frozen.list(ports);
    expose = Frozen.list(expose);
    volumes = Frozen.list(volumes);
    volumesFrom = Frozen.list(volumesFrom);
    tmpfs = Frozen.list(tmpfs);
    dependsOn = Frozen.map(dependsOn);
    links = Frozen.list(links);
    externalLinks = Frozen.list(externalLinks);
    networks = Frozen.map(networks);
    groupAdd = Frozen.list(groupAdd);
    capAdd = Frozen.list(capAdd);
    capDrop = Frozen.list(capDrop);
    securityOpt = Frozen.list(securityOpt);
    ulimits = Frozen.map(ulimits);
    sysctls = Frozen.map(sysctls);
    labels = Frozen.map(labels);
    annotations = Frozen.map(annotations);
    extraHosts = Frozen.list(extraHosts);
    dns = Frozen.list(dns);
    dnsSearch = Frozen.list(dnsSearch);
    dnsOpt = Frozen.list(dnsOpt);
    devices = Frozen.list(devices);
    deviceCgroupRules = Frozen.list(deviceCgroupRules);
    profiles = Frozen.list(profiles);
    secrets = Frozen.list(secrets);
    configs = Frozen.list(configs);
    otherAttributes = Frozen.map(otherAttributes);
    extensions = Frozen.map(extensions);
  }

  /** A builder for a service named {@code name} with every other attribute absent. */
  public static Builder builder(String name) {
    return new Builder().name(name);
  }

  /** The number of containers to run: {@code deploy.replicas}, else {@code scale}, else 1. */
  public int replicas() {
    if (deploy != null && deploy.replicas() != null) {
      return deploy.replicas();
    }
    return scale != null ? scale : 1;
  }

  /**
   * The image to run: {@code image}, else the name a build produces ({@code <project>-<service>}).
   */
  public String imageOr(String projectName) {
    return image != null ? image : projectName + "-" + name;
  }

  /** A builder pre-filled with this service's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.image = image;
    b.build = build;
    b.command = command;
    b.entrypoint = entrypoint;
    b.environment = environment;
    b.envFiles = envFiles;
    b.labelFiles = labelFiles;
    b.ports = ports;
    b.expose = expose;
    b.volumes = volumes;
    b.volumesFrom = volumesFrom;
    b.tmpfs = tmpfs;
    b.dependsOn = dependsOn;
    b.links = links;
    b.externalLinks = externalLinks;
    b.healthcheck = healthcheck;
    b.restart = restart;
    b.deploy = deploy;
    b.scale = scale;
    b.networks = networks;
    b.networkMode = networkMode;
    b.containerName = containerName;
    b.hostname = hostname;
    b.domainname = domainname;
    b.macAddress = macAddress;
    b.user = user;
    b.workingDir = workingDir;
    b.groupAdd = groupAdd;
    b.usernsMode = usernsMode;
    b.init = init;
    b.tty = tty;
    b.stdinOpen = stdinOpen;
    b.privileged = privileged;
    b.readOnly = readOnly;
    b.capAdd = capAdd;
    b.capDrop = capDrop;
    b.securityOpt = securityOpt;
    b.ulimits = ulimits;
    b.sysctls = sysctls;
    b.memLimit = memLimit;
    b.memReservation = memReservation;
    b.memswapLimit = memswapLimit;
    b.memSwappiness = memSwappiness;
    b.oomKillDisable = oomKillDisable;
    b.oomScoreAdj = oomScoreAdj;
    b.cpus = cpus;
    b.cpuShares = cpuShares;
    b.cpuset = cpuset;
    b.cpuCount = cpuCount;
    b.cpuPercent = cpuPercent;
    b.cpuPeriod = cpuPeriod;
    b.cpuQuota = cpuQuota;
    b.cpuRtPeriod = cpuRtPeriod;
    b.cpuRtRuntime = cpuRtRuntime;
    b.pidsLimit = pidsLimit;
    b.shmSize = shmSize;
    b.stopSignal = stopSignal;
    b.stopGracePeriod = stopGracePeriod;
    b.labels = labels;
    b.annotations = annotations;
    b.extraHosts = extraHosts;
    b.dns = dns;
    b.dnsSearch = dnsSearch;
    b.dnsOpt = dnsOpt;
    b.devices = devices;
    b.deviceCgroupRules = deviceCgroupRules;
    b.ipc = ipc;
    b.pid = pid;
    b.uts = uts;
    b.cgroup = cgroup;
    b.cgroupParent = cgroupParent;
    b.isolation = isolation;
    b.runtime = runtime;
    b.platform = platform;
    b.pullPolicy = pullPolicy;
    b.profiles = profiles;
    b.logging = logging;
    b.secrets = secrets;
    b.configs = configs;
    b.attach = attach;
    b.otherAttributes = otherAttributes;
    b.extensions = extensions;
    return b;
  }

  /** Collects the values of a {@link Service}; every attribute starts absent. */
  public static final class Builder {
    private String name;
    private String image;
    private BuildSpec build;
    private List<String> command;
    private List<String> entrypoint;
    private Map<String, String> environment;
    private List<EnvFileRef> envFiles;
    private List<String> labelFiles;
    private List<ServicePort> ports;
    private List<String> expose;
    private List<ServiceVolume> volumes;
    private List<String> volumesFrom;
    private List<String> tmpfs;
    private Map<String, ServiceDependency> dependsOn;
    private List<String> links;
    private List<String> externalLinks;
    private Healthcheck healthcheck;
    private String restart;
    private Deploy deploy;
    private Integer scale;
    private Map<String, ServiceNetwork> networks;
    private String networkMode;
    private String containerName;
    private String hostname;
    private String domainname;
    private String macAddress;
    private String user;
    private String workingDir;
    private List<String> groupAdd;
    private String usernsMode;
    private Boolean init;
    private boolean tty;
    private boolean stdinOpen;
    private boolean privileged;
    private boolean readOnly;
    private List<String> capAdd;
    private List<String> capDrop;
    private List<String> securityOpt;
    private Map<String, UlimitSetting> ulimits;
    private Map<String, String> sysctls;
    private Long memLimit;
    private Long memReservation;
    private Long memswapLimit;
    private Integer memSwappiness;
    private boolean oomKillDisable;
    private Integer oomScoreAdj;
    private Double cpus;
    private Long cpuShares;
    private String cpuset;
    private Long cpuCount;
    private Long cpuPercent;
    private Long cpuPeriod;
    private Long cpuQuota;
    private Long cpuRtPeriod;
    private Long cpuRtRuntime;
    private Long pidsLimit;
    private Long shmSize;
    private String stopSignal;
    private Duration stopGracePeriod;
    private Map<String, String> labels;
    private Map<String, String> annotations;
    private List<String> extraHosts;
    private List<String> dns;
    private List<String> dnsSearch;
    private List<String> dnsOpt;
    private List<DeviceMapping> devices;
    private List<String> deviceCgroupRules;
    private String ipc;
    private String pid;
    private String uts;
    private String cgroup;
    private String cgroupParent;
    private String isolation;
    private String runtime;
    private String platform;
    private String pullPolicy;
    private List<String> profiles;
    private LoggingSpec logging;
    private List<ServiceFileRef> secrets;
    private List<ServiceFileRef> configs;
    private Boolean attach;
    private Map<String, Object> otherAttributes;
    private Map<String, Object> extensions;

    Builder() {}

    /** Sets name. */
    public Builder name(String value) {
      this.name = value;
      return this;
    }

    /** Sets image. */
    public Builder image(String value) {
      this.image = value;
      return this;
    }

    /** Sets build. */
    public Builder build(BuildSpec value) {
      this.build = value;
      return this;
    }

    /** Sets command. */
    public Builder command(List<String> value) {
      this.command = value;
      return this;
    }

    /** Sets entrypoint. */
    public Builder entrypoint(List<String> value) {
      this.entrypoint = value;
      return this;
    }

    /** Sets environment. */
    public Builder environment(Map<String, String> value) {
      this.environment = value;
      return this;
    }

    /** Sets envFiles. */
    public Builder envFiles(List<EnvFileRef> value) {
      this.envFiles = value;
      return this;
    }

    /** Sets labelFiles. */
    public Builder labelFiles(List<String> value) {
      this.labelFiles = value;
      return this;
    }

    /** Sets ports. */
    public Builder ports(List<ServicePort> value) {
      this.ports = value;
      return this;
    }

    /** Sets expose. */
    public Builder expose(List<String> value) {
      this.expose = value;
      return this;
    }

    /** Sets volumes. */
    public Builder volumes(List<ServiceVolume> value) {
      this.volumes = value;
      return this;
    }

    /** Sets volumesFrom. */
    public Builder volumesFrom(List<String> value) {
      this.volumesFrom = value;
      return this;
    }

    /** Sets tmpfs. */
    public Builder tmpfs(List<String> value) {
      this.tmpfs = value;
      return this;
    }

    /** Sets dependsOn. */
    public Builder dependsOn(Map<String, ServiceDependency> value) {
      this.dependsOn = value;
      return this;
    }

    /** Sets links. */
    public Builder links(List<String> value) {
      this.links = value;
      return this;
    }

    /** Sets externalLinks. */
    public Builder externalLinks(List<String> value) {
      this.externalLinks = value;
      return this;
    }

    /** Sets healthcheck. */
    public Builder healthcheck(Healthcheck value) {
      this.healthcheck = value;
      return this;
    }

    /** Sets restart. */
    public Builder restart(String value) {
      this.restart = value;
      return this;
    }

    /** Sets deploy. */
    public Builder deploy(Deploy value) {
      this.deploy = value;
      return this;
    }

    /** Sets scale. */
    public Builder scale(Integer value) {
      this.scale = value;
      return this;
    }

    /** Sets networks. */
    public Builder networks(Map<String, ServiceNetwork> value) {
      this.networks = value;
      return this;
    }

    /** Sets networkMode. */
    public Builder networkMode(String value) {
      this.networkMode = value;
      return this;
    }

    /** Sets containerName. */
    public Builder containerName(String value) {
      this.containerName = value;
      return this;
    }

    /** Sets hostname. */
    public Builder hostname(String value) {
      this.hostname = value;
      return this;
    }

    /** Sets domainname. */
    public Builder domainname(String value) {
      this.domainname = value;
      return this;
    }

    /** Sets macAddress. */
    public Builder macAddress(String value) {
      this.macAddress = value;
      return this;
    }

    /** Sets user. */
    public Builder user(String value) {
      this.user = value;
      return this;
    }

    /** Sets workingDir. */
    public Builder workingDir(String value) {
      this.workingDir = value;
      return this;
    }

    /** Sets groupAdd. */
    public Builder groupAdd(List<String> value) {
      this.groupAdd = value;
      return this;
    }

    /** Sets usernsMode. */
    public Builder usernsMode(String value) {
      this.usernsMode = value;
      return this;
    }

    /** Sets init. */
    public Builder init(Boolean value) {
      this.init = value;
      return this;
    }

    /** Sets tty. */
    public Builder tty(boolean value) {
      this.tty = value;
      return this;
    }

    /** Sets stdinOpen. */
    public Builder stdinOpen(boolean value) {
      this.stdinOpen = value;
      return this;
    }

    /** Sets privileged. */
    public Builder privileged(boolean value) {
      this.privileged = value;
      return this;
    }

    /** Sets readOnly. */
    public Builder readOnly(boolean value) {
      this.readOnly = value;
      return this;
    }

    /** Sets capAdd. */
    public Builder capAdd(List<String> value) {
      this.capAdd = value;
      return this;
    }

    /** Sets capDrop. */
    public Builder capDrop(List<String> value) {
      this.capDrop = value;
      return this;
    }

    /** Sets securityOpt. */
    public Builder securityOpt(List<String> value) {
      this.securityOpt = value;
      return this;
    }

    /** Sets ulimits. */
    public Builder ulimits(Map<String, UlimitSetting> value) {
      this.ulimits = value;
      return this;
    }

    /** Sets sysctls. */
    public Builder sysctls(Map<String, String> value) {
      this.sysctls = value;
      return this;
    }

    /** Sets memLimit. */
    public Builder memLimit(Long value) {
      this.memLimit = value;
      return this;
    }

    /** Sets memReservation. */
    public Builder memReservation(Long value) {
      this.memReservation = value;
      return this;
    }

    /** Sets memswapLimit. */
    public Builder memswapLimit(Long value) {
      this.memswapLimit = value;
      return this;
    }

    /** Sets memSwappiness. */
    public Builder memSwappiness(Integer value) {
      this.memSwappiness = value;
      return this;
    }

    /** Sets oomKillDisable. */
    public Builder oomKillDisable(boolean value) {
      this.oomKillDisable = value;
      return this;
    }

    /** Sets oomScoreAdj. */
    public Builder oomScoreAdj(Integer value) {
      this.oomScoreAdj = value;
      return this;
    }

    /** Sets cpus. */
    public Builder cpus(Double value) {
      this.cpus = value;
      return this;
    }

    /** Sets cpuShares. */
    public Builder cpuShares(Long value) {
      this.cpuShares = value;
      return this;
    }

    /** Sets cpuset. */
    public Builder cpuset(String value) {
      this.cpuset = value;
      return this;
    }

    /** Sets cpuCount. */
    public Builder cpuCount(Long value) {
      this.cpuCount = value;
      return this;
    }

    /** Sets cpuPercent. */
    public Builder cpuPercent(Long value) {
      this.cpuPercent = value;
      return this;
    }

    /** Sets cpuPeriod. */
    public Builder cpuPeriod(Long value) {
      this.cpuPeriod = value;
      return this;
    }

    /** Sets cpuQuota. */
    public Builder cpuQuota(Long value) {
      this.cpuQuota = value;
      return this;
    }

    /** Sets cpuRtPeriod. */
    public Builder cpuRtPeriod(Long value) {
      this.cpuRtPeriod = value;
      return this;
    }

    /** Sets cpuRtRuntime. */
    public Builder cpuRtRuntime(Long value) {
      this.cpuRtRuntime = value;
      return this;
    }

    /** Sets pidsLimit. */
    public Builder pidsLimit(Long value) {
      this.pidsLimit = value;
      return this;
    }

    /** Sets shmSize. */
    public Builder shmSize(Long value) {
      this.shmSize = value;
      return this;
    }

    /** Sets stopSignal. */
    public Builder stopSignal(String value) {
      this.stopSignal = value;
      return this;
    }

    /** Sets stopGracePeriod. */
    public Builder stopGracePeriod(Duration value) {
      this.stopGracePeriod = value;
      return this;
    }

    /** Sets labels. */
    public Builder labels(Map<String, String> value) {
      this.labels = value;
      return this;
    }

    /** Sets annotations. */
    public Builder annotations(Map<String, String> value) {
      this.annotations = value;
      return this;
    }

    /** Sets extraHosts. */
    public Builder extraHosts(List<String> value) {
      this.extraHosts = value;
      return this;
    }

    /** Sets dns. */
    public Builder dns(List<String> value) {
      this.dns = value;
      return this;
    }

    /** Sets dnsSearch. */
    public Builder dnsSearch(List<String> value) {
      this.dnsSearch = value;
      return this;
    }

    /** Sets dnsOpt. */
    public Builder dnsOpt(List<String> value) {
      this.dnsOpt = value;
      return this;
    }

    /** Sets devices. */
    public Builder devices(List<DeviceMapping> value) {
      this.devices = value;
      return this;
    }

    /** Sets deviceCgroupRules. */
    public Builder deviceCgroupRules(List<String> value) {
      this.deviceCgroupRules = value;
      return this;
    }

    /** Sets ipc. */
    public Builder ipc(String value) {
      this.ipc = value;
      return this;
    }

    /** Sets pid. */
    public Builder pid(String value) {
      this.pid = value;
      return this;
    }

    /** Sets uts. */
    public Builder uts(String value) {
      this.uts = value;
      return this;
    }

    /** Sets cgroup. */
    public Builder cgroup(String value) {
      this.cgroup = value;
      return this;
    }

    /** Sets cgroupParent. */
    public Builder cgroupParent(String value) {
      this.cgroupParent = value;
      return this;
    }

    /** Sets isolation. */
    public Builder isolation(String value) {
      this.isolation = value;
      return this;
    }

    /** Sets runtime. */
    public Builder runtime(String value) {
      this.runtime = value;
      return this;
    }

    /** Sets platform. */
    public Builder platform(String value) {
      this.platform = value;
      return this;
    }

    /** Sets pullPolicy. */
    public Builder pullPolicy(String value) {
      this.pullPolicy = value;
      return this;
    }

    /** Sets profiles. */
    public Builder profiles(List<String> value) {
      this.profiles = value;
      return this;
    }

    /** Sets logging. */
    public Builder logging(LoggingSpec value) {
      this.logging = value;
      return this;
    }

    /** Sets secrets. */
    public Builder secrets(List<ServiceFileRef> value) {
      this.secrets = value;
      return this;
    }

    /** Sets configs. */
    public Builder configs(List<ServiceFileRef> value) {
      this.configs = value;
      return this;
    }

    /** Sets attach. */
    public Builder attach(Boolean value) {
      this.attach = value;
      return this;
    }

    /** Sets otherAttributes. */
    public Builder otherAttributes(Map<String, Object> value) {
      this.otherAttributes = value;
      return this;
    }

    /** Sets extensions. */
    public Builder extensions(Map<String, Object> value) {
      this.extensions = value;
      return this;
    }

    /** The immutable service. */
    public Service build() {
      return new Service(
          name,
          image,
          build,
          command,
          entrypoint,
          environment,
          envFiles,
          labelFiles,
          ports,
          expose,
          volumes,
          volumesFrom,
          tmpfs,
          dependsOn,
          links,
          externalLinks,
          healthcheck,
          restart,
          deploy,
          scale,
          networks,
          networkMode,
          containerName,
          hostname,
          domainname,
          macAddress,
          user,
          workingDir,
          groupAdd,
          usernsMode,
          init,
          tty,
          stdinOpen,
          privileged,
          readOnly,
          capAdd,
          capDrop,
          securityOpt,
          ulimits,
          sysctls,
          memLimit,
          memReservation,
          memswapLimit,
          memSwappiness,
          oomKillDisable,
          oomScoreAdj,
          cpus,
          cpuShares,
          cpuset,
          cpuCount,
          cpuPercent,
          cpuPeriod,
          cpuQuota,
          cpuRtPeriod,
          cpuRtRuntime,
          pidsLimit,
          shmSize,
          stopSignal,
          stopGracePeriod,
          labels,
          annotations,
          extraHosts,
          dns,
          dnsSearch,
          dnsOpt,
          devices,
          deviceCgroupRules,
          ipc,
          pid,
          uts,
          cgroup,
          cgroupParent,
          isolation,
          runtime,
          platform,
          pullPolicy,
          profiles,
          logging,
          secrets,
          configs,
          attach,
          otherAttributes,
          extensions);
    }
  }
}
