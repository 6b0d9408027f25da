package io.jcompose.scheduler.engine;

import io.jcompose.model.api.Deploy;
import io.jcompose.model.api.FileResource;
import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import io.jcompose.model.api.ServiceFileRef;
import io.jcompose.model.api.ServiceVolume;
import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.MountSpec;
import io.jcompose.runtime.api.Resources;
import io.jcompose.runtime.api.SecurityOptions;
import io.jcompose.runtime.api.Ulimit;
import io.jcompose.scheduler.plan.ComposeLabels;
import io.jcompose.scheduler.plan.ServiceNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns a compose service into the runtime's {@link ContainerSpec}: name, compose labels,
 * environment, mounts, limits, privileges. Networking is added by the caller.
 */
final class ContainerSpecFactory {

  /** The version written into {@code com.docker.compose.version}. */
  static final String VERSION = "2.29.0-jcompose";

  private ContainerSpecFactory() {}

  static ContainerSpec build(
      Project project,
      Service s,
      int number,
      String name,
      Image image,
      String hash,
      boolean oneOff) {
    return withoutNamespaces(project, s, number, name, image, hash, oneOff)
        .withNamespaces(
            SharedNamespaces.of(project, s.pid()), SharedNamespaces.of(project, s.ipc()));
  }

  private static ContainerSpec withoutNamespaces(
      Project project,
      Service s,
      int number,
      String name,
      Image image,
      String hash,
      boolean oneOff) {
    Map<String, String> labels = new HashMap<>(s.labels());
    labels.put(ComposeLabels.PROJECT, project.name());
    labels.put(ComposeLabels.SERVICE, s.name());
    labels.put(ComposeLabels.NUMBER, Integer.toString(number));
    labels.put(ComposeLabels.ONEOFF, oneOff ? "True" : "False");
    labels.put(ComposeLabels.CONFIG_HASH, hash);
    labels.put(ComposeLabels.WORKING_DIR, project.workingDir());
    labels.put(ComposeLabels.CONFIG_FILES, String.join(",", project.configFiles()));
    labels.put(ComposeLabels.VERSION, VERSION);
    labels.put("com.docker.compose.image", image.id());

    Map<String, String> env = new HashMap<>();
    s.environment()
        .forEach(
            (k, v) -> {
              if (v != null) {
                env.put(k, v);
              }
            });
    boolean init = Boolean.TRUE.equals(s.init());
    String hostname = s.hostname() != null ? s.hostname() : randomHostname();
    String stopSignal = s.stopSignal() != null ? s.stopSignal() : image.config().stopSignal();
    Duration grace = s.stopGracePeriod() != null ? s.stopGracePeriod() : Duration.ofSeconds(10);
    return new ContainerSpec(
        name,
        image.repoTags().isEmpty() ? s.imageOr(project.name()) : image.repoTags().get(0),
        labels,
        s.entrypoint(),
        s.command(),
        env,
        s.workingDir(),
        s.user(),
        hostname,
        init,
        s.tty(),
        security(s),
        resources(s),
        mounts(project, s),
        ulimits(s),
        s.sysctls(),
        null,
        "host".equals(s.networkMode()),
        stopSignal,
        grace);
  }

  // Docker's default hostname is the container id's first 12 hex digits; the id is only known
  // after create, so a random value of the same shape stands in for it.
  private static String randomHostname() {
    byte[] b = new byte[6];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static SecurityOptions security(Service s) {
    boolean noNewPrivs = s.securityOpt().stream().anyMatch(SecurityOpts::isNoNewPrivileges);
    boolean seccompUnconfined =
        s.securityOpt().stream().anyMatch(SecurityOpts::isSeccompUnconfined);
    return new SecurityOptions(
        s.privileged(), s.capAdd(), s.capDrop(), noNewPrivs, s.readOnly(), seccompUnconfined);
  }

  private static Resources resources(Service s) {
    long mem = s.memLimit() == null ? 0 : s.memLimit();
    double cpus = s.cpus() == null ? 0 : s.cpus();
    long pids = s.pidsLimit() == null || s.pidsLimit() < 0 ? 0 : s.pidsLimit();
    Deploy d = s.deploy();
    if (d != null && d.resources() != null && d.resources().limits() != null) {
      Deploy.ResourceLimit l = d.resources().limits();
      mem = l.memory() != null ? l.memory() : mem;
      cpus = l.cpus() != null ? l.cpus() : cpus;
      pids = l.pids() != null ? l.pids() : pids;
    }
    if (cpus == 0 && s.cpuQuota() != null && s.cpuQuota() > 0) {
      long period = s.cpuPeriod() == null ? 100_000 : s.cpuPeriod();
      cpus = (double) s.cpuQuota() / period;
    }
    return new Resources(
        mem,
        s.memswapLimit() == null ? 0 : s.memswapLimit(),
        Math.round(cpus * 1_000_000_000L),
        s.cpuShares() == null ? 0 : s.cpuShares(),
        s.cpuset(),
        pids,
        s.shmSize() == null ? 0 : s.shmSize());
  }

  private static List<MountSpec> mounts(Project project, Service s) {
    List<MountSpec> out = new ArrayList<>();
    for (ServiceVolume v : s.volumes()) {
      switch (v.type()) {
        case ServiceVolume.BIND -> out.add(MountSpec.bind(v.source(), v.target(), v.readOnly()));
        case ServiceVolume.VOLUME ->
            out.add(
                MountSpec.volume(
                    v.source() == null ? null : ServiceNames.volume(project, v.source()),
                    v.target(),
                    v.readOnly()));
        case ServiceVolume.TMPFS ->
            out.add(
                MountSpec.tmpfs(
                    v.target(),
                    v.tmpfs() == null || v.tmpfs().size() == null ? 0 : v.tmpfs().size()));
        default -> {
          // Reported by UnsupportedAttributes; nothing to mount.
        }
      }
    }
    for (String t : s.tmpfs()) {
      int colon = t.indexOf(':');
      out.add(MountSpec.tmpfs(colon < 0 ? t : t.substring(0, colon), 0));
    }
    fileMounts(project.secrets(), s.secrets(), "/run/secrets/", out);
    fileMounts(project.configs(), s.configs(), "/", out);
    return out;
  }

  // File-based secrets and configs are read-only binds of the host file, as docker compose does.
  private static void fileMounts(
      Map<String, FileResource> defs, List<ServiceFileRef> refs, String base, List<MountSpec> out) {
    for (ServiceFileRef ref : refs) {
      FileResource def = defs.get(ref.source());
      if (def == null || def.file() == null) {
        continue;
      }
      String target = ref.target() == null ? base + ref.source() : ref.target();
      if (!target.startsWith("/")) {
        target = base + target;
      }
      out.add(MountSpec.bind(def.file(), target, true));
    }
  }

  private static List<Ulimit> ulimits(Service s) {
    List<Ulimit> out = new ArrayList<>();
    s.ulimits().forEach((k, v) -> out.add(new Ulimit(k, v.soft(), v.hard())));
    return out;
  }
}
