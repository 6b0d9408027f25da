package io.jcompose.runtime.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything the runtime needs to create one container: what to run, with which isolation and
 * limits, and which network namespace to join. Built by the scheduler from a compose service and
 * the image config; the runtime turns it into an OCI runtime-spec bundle.
 *
 * @param name container name, unique on the host ({@code <project>-<service>-<n>})
 * @param image image reference as the user wrote it (resolved by the {@link ImageStore})
 * @param labels container labels ({@code com.docker.compose.*} among them)
 * @param entrypoint entrypoint override, or null to take the image's
 * @param command command override, or null to take the image's
 * @param environment environment added to (and overriding) the image's
 * @param workingDir working directory, or null for the image's
 * @param user user as {@code name}, {@code uid} or {@code uid:gid}, or null for the image's
 * @param hostname hostname inside the container
 * @param init whether a tini-like init runs as PID 1 in front of the process
 * @param tty whether the process gets a pseudo terminal
 * @param security capabilities, privileged mode, no_new_privs, read-only root
 * @param resources cgroup limits
 * @param mounts bind, volume and tmpfs mounts, in order
 * @param ulimits rlimits (clamped to the host's hard limits)
 * @param sysctls namespaced sysctls
 * @param networkNamespace a network namespace to join (a bind-mounted netns file), or null for a
 *     fresh namespace with only loopback
 * @param hostNetwork whether the container shares the host's network namespace
 * @param stopSignal signal sent by stop, or null for SIGTERM / the image's
 * @param stopGrace time between the stop signal and SIGKILL
 * @param pidNamespace where the pid namespace comes from ({@link NamespaceMode#PRIVATE} when null)
 * @param ipcNamespace where the ipc namespace comes from ({@link NamespaceMode#PRIVATE} when null)
 */
public record ContainerSpec(
    String name,
    String image,
    Map<String, String> labels,
    List<String> entrypoint,
    List<String> command,
    Map<String, String> environment,
    String workingDir,
    String user,
    String hostname,
    boolean init,
    boolean tty,
    SecurityOptions security,
    Resources resources,
    List<MountSpec> mounts,
    List<Ulimit> ulimits,
    Map<String, String> sysctls,
    Path networkNamespace,
    boolean hostNetwork,
    String stopSignal,
    Duration stopGrace,
    NamespaceMode pidNamespace,
    NamespaceMode ipcNamespace) {

  public ContainerSpec {
    labels = Map.copyOf(labels);
    entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
    command = command == null ? null : List.copyOf(command);
    environment = Map.copyOf(environment);
    security = security == null ? SecurityOptions.DEFAULT : security;
    resources = resources == null ? Resources.NONE : resources;
    mounts = List.copyOf(mounts);
    ulimits = List.copyOf(ulimits);
    sysctls = Map.copyOf(sysctls);
    stopGrace = stopGrace == null ? Duration.ofSeconds(10) : stopGrace;
    pidNamespace = pidNamespace == null ? NamespaceMode.PRIVATE : pidNamespace;
    ipcNamespace = ipcNamespace == null ? NamespaceMode.PRIVATE : ipcNamespace;
  }

  /** A spec with private pid and ipc namespaces (the form before those two fields existed). */
  public ContainerSpec(
      String name,
      String image,
      Map<String, String> labels,
      List<String> entrypoint,
      List<String> command,
      Map<String, String> environment,
      String workingDir,
      String user,
      String hostname,
      boolean init,
      boolean tty,
      SecurityOptions security,
      Resources resources,
      List<MountSpec> mounts,
      List<Ulimit> ulimits,
      Map<String, String> sysctls,
      Path networkNamespace,
      boolean hostNetwork,
      String stopSignal,
      Duration stopGrace) {
    this(
        name,
        image,
        labels,
        entrypoint,
        command,
        environment,
        workingDir,
        user,
        hostname,
        init,
        tty,
        security,
        resources,
        mounts,
        ulimits,
        sysctls,
        networkNamespace,
        hostNetwork,
        stopSignal,
        stopGrace,
        null,
        null);
  }

  /** A minimal spec: the image's own command, no limits, no mounts, its own network namespace. */
  public static ContainerSpec of(String name, String image) {
    return new ContainerSpec(
        name, image, Map.of(), null, null, Map.of(), null, null, name, false, false, null, null,
        List.of(), List.of(), Map.of(), null, false, null, null);
  }

  /** Returns a copy with the given command. */
  public ContainerSpec withCommand(List<String> newCommand) {
    return new ContainerSpec(
        name,
        image,
        labels,
        entrypoint,
        newCommand,
        environment,
        workingDir,
        user,
        hostname,
        init,
        tty,
        security,
        resources,
        mounts,
        ulimits,
        sysctls,
        networkNamespace,
        hostNetwork,
        stopSignal,
        stopGrace,
        pidNamespace,
        ipcNamespace);
  }

  /** Returns a copy with the given labels. */
  public ContainerSpec withLabels(Map<String, String> newLabels) {
    return new ContainerSpec(
        name,
        image,
        newLabels,
        entrypoint,
        command,
        environment,
        workingDir,
        user,
        hostname,
        init,
        tty,
        security,
        resources,
        mounts,
        ulimits,
        sysctls,
        networkNamespace,
        hostNetwork,
        stopSignal,
        stopGrace,
        pidNamespace,
        ipcNamespace);
  }

  /** Returns a copy that joins the given network namespace. */
  public ContainerSpec withNetworkNamespace(Path netns) {
    return new ContainerSpec(
        name,
        image,
        labels,
        entrypoint,
        command,
        environment,
        workingDir,
        user,
        hostname,
        init,
        tty,
        security,
        resources,
        mounts,
        ulimits,
        sysctls,
        netns,
        hostNetwork,
        stopSignal,
        stopGrace,
        pidNamespace,
        ipcNamespace);
  }

  /** Returns a copy with the given mounts. */
  public ContainerSpec withMounts(List<MountSpec> newMounts) {
    return new ContainerSpec(
        name,
        image,
        labels,
        entrypoint,
        command,
        environment,
        workingDir,
        user,
        hostname,
        init,
        tty,
        security,
        resources,
        newMounts,
        ulimits,
        sysctls,
        networkNamespace,
        hostNetwork,
        stopSignal,
        stopGrace,
        pidNamespace,
        ipcNamespace);
  }

  /** Returns a copy with the given hostname. */
  public ContainerSpec withHostname(String newHostname) {
    return new ContainerSpec(
        name,
        image,
        labels,
        entrypoint,
        command,
        environment,
        workingDir,
        user,
        newHostname,
        init,
        tty,
        security,
        resources,
        mounts,
        ulimits,
        sysctls,
        networkNamespace,
        hostNetwork,
        stopSignal,
        stopGrace,
        pidNamespace,
        ipcNamespace);
  }

  /** Returns a copy that runs on a terminal ({@code tty: true}) or not. */
  public ContainerSpec withTty(boolean onTerminal) {
    return new ContainerSpec(
        name,
        image,
        labels,
        entrypoint,
        command,
        environment,
        workingDir,
        user,
        hostname,
        init,
        onTerminal,
        security,
        resources,
        mounts,
        ulimits,
        sysctls,
        networkNamespace,
        hostNetwork,
        stopSignal,
        stopGrace,
        pidNamespace,
        ipcNamespace);
  }

  /** Returns a copy with the given pid and ipc namespace modes (null: a private namespace). */
  public ContainerSpec withNamespaces(NamespaceMode pid, NamespaceMode ipc) {
    return new ContainerSpec(
        name,
        image,
        labels,
        entrypoint,
        command,
        environment,
        workingDir,
        user,
        hostname,
        init,
        tty,
        security,
        resources,
        mounts,
        ulimits,
        sysctls,
        networkNamespace,
        hostNetwork,
        stopSignal,
        stopGrace,
        pid,
        ipc);
  }
}
