package io.jcompose.runtime.oci;

import io.jcompose.runtime.api.SecurityOptions;
import io.jcompose.runtime.api.Ulimit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything {@link OciSpecBuilder} needs, with the image's defaults already applied.
 *
 * @param args the full argv (entrypoint + command, init in front when asked)
 * @param env environment as {@code KEY=value}
 * @param cwd working directory
 * @param user user as written ({@code name}, {@code uid[:gid]}), or null for root
 * @param terminal whether the process gets a terminal
 * @param hostname hostname
 * @param security privileges
 * @param shmSizeBytes size of {@code /dev/shm}; 0 for 64 MiB
 * @param mounts user mounts, already resolved to host paths
 * @param ulimits rlimits
 * @param sysctls namespaced sysctls
 * @param networkNamespace netns file to join, or null
 * @param hostNetwork share the host's network namespace
 * @param rootfs root file system mount point (absolute)
 * @param annotations jcompose annotations (overlay, cgroups, user, logs)
 * @param availableCaps bit mask of the capabilities this process may hand out (its bounding set)
 */
public record BundleRequest(
    List<String> args,
    List<String> env,
    String cwd,
    String user,
    boolean terminal,
    String hostname,
    SecurityOptions security,
    long shmSizeBytes,
    List<OciSpec.Mount> mounts,
    List<Ulimit> ulimits,
    Map<String, String> sysctls,
    Path networkNamespace,
    boolean hostNetwork,
    Path rootfs,
    Map<String, String> annotations,
    long availableCaps) {

  public BundleRequest {
    args = List.copyOf(args);
    env = List.copyOf(env);
    mounts = List.copyOf(mounts);
    ulimits = List.copyOf(ulimits);
    sysctls = Map.copyOf(sysctls);
    annotations = Map.copyOf(annotations);
  }
}
