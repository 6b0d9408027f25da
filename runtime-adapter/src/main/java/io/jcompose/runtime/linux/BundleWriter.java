package io.jcompose.runtime.linux;

import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.runtime.cgroup.ContainerCgroup;
import io.jcompose.runtime.oci.Annotations;
import io.jcompose.runtime.oci.BundleRequest;
import io.jcompose.runtime.oci.OciSpec;
import io.jcompose.runtime.oci.OciSpecBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Writes a container's OCI bundle: directories, {@code /etc} files and {@code config.json}. */
final class BundleWriter {
  private final Path shimBinary;
  private final long availableCaps;

  BundleWriter(Path shimBinary, long availableCaps) {
    this.shimBinary = shimBinary;
    this.availableCaps = availableCaps;
  }

  /** Creates the directories and writes the bundle; returns the process plan it used. */
  ProcessPlan write(
      ContainerDir dir,
      String id,
      ContainerSpec spec,
      Image image,
      ResolvedMounts resolved,
      ContainerCgroup cgroup) {
    String hostname =
        spec.hostname() != null && !spec.hostname().isEmpty()
            ? spec.hostname()
            : id.substring(0, 12);
    ProcessPlan plan = ImageDefaults.apply(spec, image.config(), hostname);
    try {
      Files.createDirectories(dir.rootfs());
      Files.createDirectories(dir.upper());
      Files.createDirectories(dir.work());
      Files.createDirectories(dir.etc());
    } catch (IOException e) {
      throw new RuntimeFailure("creating " + dir.path() + ": " + e.getMessage(), e);
    }
    createMissingBindSources(resolved);
    List<OciSpec.Mount> mounts = new ArrayList<>(etcMounts(dir, spec, hostname));
    mounts.addAll(resolved.mounts());
    List<String> args = plan.args();
    if (spec.init()) {
      mounts.add(OciSpecBuilder.bind(shimBinary.toString(), "/sbin/jcompose-init", true));
      List<String> withInit = new ArrayList<>(List.of("/sbin/jcompose-init", "--"));
      withInit.addAll(args);
      args = withInit;
    }
    BundleRequest request =
        new BundleRequest(
            args,
            plan.env(),
            plan.cwd(),
            plan.user(),
            spec.tty(),
            hostname,
            spec.security(),
            spec.resources().shmSizeBytes(),
            mounts,
            spec.ulimits(),
            spec.sysctls(),
            spec.networkNamespace(),
            spec.hostNetwork(),
            dir.rootfs(),
            annotations(dir, image, cgroup),
            availableCaps);
    NamespaceJoins joins = new NamespaceJoins(spec.pidNamespace(), spec.ipcNamespace());
    OciSpec oci = joins.apply(OciSpecBuilder.build(request), null);
    joins.save(dir);
    try {
      AtomicFile.write(dir.config(), ContainerStore.JSON.writeValueAsBytes(oci));
    } catch (IOException e) {
      throw new RuntimeFailure("writing " + dir.config() + ": " + e.getMessage(), e);
    }
    return plan;
  }

  private static Map<String, String> annotations(
      ContainerDir dir, Image image, ContainerCgroup cgroup) {
    Map<String, String> a = new LinkedHashMap<>();
    List<Path> layers = new ArrayList<>(image.layerDirs());
    java.util.Collections.reverse(layers);
    a.put(
        Annotations.OVERLAY_LOWER,
        layers.stream().map(Path::toString).collect(Collectors.joining(":")));
    a.put(Annotations.OVERLAY_UPPER, dir.upper().toString());
    a.put(Annotations.OVERLAY_WORK, dir.work().toString());
    a.put(
        Annotations.CGROUP_PROCS,
        cgroup.procsFiles().stream().map(Path::toString).collect(Collectors.joining(",")));
    if (cgroup.oomFile() != null) {
      a.put(Annotations.CGROUP_OOM, cgroup.oomFile().toString());
    }
    return a;
  }

  /** /etc/hostname, /etc/hosts and /etc/resolv.conf, unless the spec mounts its own. */
  private static List<OciSpec.Mount> etcMounts(
      ContainerDir dir, ContainerSpec spec, String hostname) {
    Set<String> taken = new HashSet<>();
    spec.mounts().forEach(m -> taken.add(m.target()));
    List<OciSpec.Mount> out = new ArrayList<>();
    try {
      Path hostnameFile = dir.etc().resolve("hostname");
      Files.writeString(hostnameFile, hostname + "\n", StandardCharsets.UTF_8);
      Path hosts = dir.etc().resolve("hosts");
      Files.writeString(
          hosts,
          "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
              + "127.0.1.1\t"
              + hostname
              + "\n",
          StandardCharsets.UTF_8);
      Path resolv = dir.etc().resolve("resolv.conf");
      Path hostResolv = Path.of("/etc/resolv.conf");
      // Docker's default: the host's resolvers; a compose network mounts its own file over it.
      Files.writeString(
          resolv,
          Files.isReadable(hostResolv) ? Files.readString(hostResolv) : "",
          StandardCharsets.UTF_8);
      for (Path file : List.of(hostnameFile, hosts, resolv)) {
        String target = "/etc/" + file.getFileName();
        if (!taken.contains(target)) {
          out.add(OciSpecBuilder.bind(file.toString(), target, false));
        }
      }
    } catch (IOException e) {
      throw new RuntimeFailure("writing /etc files under " + dir.etc() + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** A bind mount of a host directory that does not exist creates it, as docker compose does. */
  private static void createMissingBindSources(ResolvedMounts resolved) {
    for (OciSpec.Mount m : resolved.mounts()) {
      Path source = m.source() == null ? null : Path.of(m.source());
      if ("bind".equals(m.type()) && source != null && !Files.exists(source)) {
        try {
          Files.createDirectories(source);
        } catch (IOException e) {
          throw new RuntimeFailure(
              "bind mount "
                  + source
                  + ": creating the host directory: "
                  + e.getMessage()
                  + "; create it or fix the path",
              e);
        }
      }
    }
  }
}
