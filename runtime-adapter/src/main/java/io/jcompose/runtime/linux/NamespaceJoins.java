package io.jcompose.runtime.linux;

import com.fasterxml.jackson.core.type.TypeReference;
import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.NamespaceMode;
import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.runtime.oci.OciSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Applies a container's pid and ipc {@link NamespaceMode}s to its OCI config. Joining another
 * container's namespace needs that container's current pid, known only when this one starts: such
 * containers keep their modes in {@code namespaces.json}, and their {@code config.json} is
 * rewritten with {@code /proc/PID/ns/...} paths at every start. Everyone else pays nothing.
 */
final class NamespaceJoins {
  static final String FILE = "namespaces.json";

  private final NamespaceMode pid;
  private final NamespaceMode ipc;

  NamespaceJoins(NamespaceMode pid, NamespaceMode ipc) {
    this.pid = pid == null ? NamespaceMode.PRIVATE : pid;
    this.ipc = ipc == null ? NamespaceMode.PRIVATE : ipc;
  }

  /** Whether the config must be brought up to date at each start. */
  boolean resolvedAtStart() {
    return pid.kind() == NamespaceMode.Kind.CONTAINER || ipc.kind() == NamespaceMode.Kind.CONTAINER;
  }

  /**
   * The config with the modes applied; a container's namespace is resolved through runningPid
   * (which throws when that container does not run), or left private when runningPid is null.
   */
  OciSpec apply(OciSpec spec, ToIntFunction<String> runningPid) {
    List<OciSpec.Namespace> namespaces = new ArrayList<>();
    for (OciSpec.Namespace ns : spec.linux().namespaces()) {
      NamespaceMode mode = ns.type().equals("pid") ? pid : ns.type().equals("ipc") ? ipc : null;
      if (mode == null) {
        namespaces.add(ns);
        continue;
      }
      switch (mode.kind()) {
        case PRIVATE -> namespaces.add(new OciSpec.Namespace(ns.type(), null));
        case HOST -> {}
        case PATH -> namespaces.add(new OciSpec.Namespace(ns.type(), mode.target()));
        case CONTAINER -> {
          String path =
              runningPid == null
                  ? null
                  : "/proc/" + runningPid.applyAsInt(mode.target()) + "/ns/" + ns.type();
          namespaces.add(new OciSpec.Namespace(ns.type(), path));
        }
      }
    }
    List<OciSpec.Mount> mounts = new ArrayList<>();
    for (OciSpec.Mount m : spec.mounts()) {
      mounts.add(m.destination().equals("/dev/shm") ? shm(m, runningPid) : m);
    }
    OciSpec.Linux l = spec.linux();
    return new OciSpec(
        spec.ociVersion(),
        spec.process(),
        spec.root(),
        spec.hostname(),
        mounts,
        new OciSpec.Linux(namespaces, l.maskedPaths(), l.readonlyPaths(), l.sysctl(), l.seccomp()),
        spec.annotations());
  }

  /**
   * The /dev/shm mount for the ipc mode: POSIX shared memory lives in files there, so sharing an
   * ipc namespace also means sharing that directory, as Docker does. With the host's namespace it
   * is the host's /dev/shm; with another container's, that container's own tmpfs (the shim clones
   * it from the container's mount namespace); else the container's own tmpfs, m as given.
   */
  private OciSpec.Mount shm(OciSpec.Mount m, ToIntFunction<String> runningPid) {
    List<String> options = List.of("rbind", "nosuid", "nodev", "noexec", "rprivate");
    return switch (ipc.kind()) {
      case HOST -> new OciSpec.Mount("/dev/shm", "bind", "/dev/shm", options);
      case CONTAINER ->
          runningPid == null
              ? m
              : new OciSpec.Mount(
                  "/dev/shm",
                  "bind",
                  "/proc/" + runningPid.applyAsInt(ipc.target()) + "/root/dev/shm",
                  options);
      default -> m;
    };
  }

  /** Keeps the modes beside the config when they must be resolved at start. */
  void save(ContainerDir dir) {
    if (!resolvedAtStart()) {
      return;
    }
    Map<String, NamespaceMode> modes = new LinkedHashMap<>();
    modes.put("pid", pid);
    modes.put("ipc", ipc);
    try {
      AtomicFile.write(dir.path().resolve(FILE), ContainerStore.JSON.writeValueAsBytes(modes));
    } catch (IOException e) {
      throw new RuntimeFailure("writing " + dir.path().resolve(FILE) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Before a start: rewrites the config with the current pid of each container whose namespace it
   * joins. Does nothing (one stat) for a container that joins none.
   */
  static void refresh(ContainerDir dir, String name, ToIntFunction<String> runningPid) {
    Path file = dir.path().resolve(FILE);
    if (!Files.exists(file)) {
      return;
    }
    try {
      Map<String, NamespaceMode> modes =
          ContainerStore.JSON.readValue(file.toFile(), new TypeReference<>() {});
      NamespaceJoins joins = new NamespaceJoins(modes.get("pid"), modes.get("ipc"));
      OciSpec spec = ContainerStore.JSON.readValue(dir.config().toFile(), OciSpec.class);
      OciSpec now =
          joins.apply(
              spec,
              target -> {
                int pid = runningPid.applyAsInt(target);
                if (pid <= 0) {
                  throw new ConflictException(
                      "container "
                          + name
                          + " shares the namespaces of container "
                          + target
                          + ", which is not running; start "
                          + target
                          + " first");
                }
                return pid;
              });
      // Derived from namespaces.json and the other container's pid: no fsync needed.
      AtomicFile.writeVolatile(dir.config(), ContainerStore.JSON.writeValueAsBytes(now));
    } catch (IOException e) {
      throw new RuntimeFailure(
          "container " + name + ": updating its shared namespaces: " + e.getMessage(), e);
    }
  }
}
