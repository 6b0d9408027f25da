package io.jcompose.runtime.api;

import java.util.List;

/**
 * Privilege settings of a container.
 *
 * @param privileged all capabilities, no masked paths, all devices
 * @param capAdd capabilities added to Docker's default set (names like {@code NET_ADMIN} or {@code
 *     ALL})
 * @param capDrop capabilities removed from it
 * @param noNewPrivileges sets no_new_privs before exec ({@code security_opt:
 *     no-new-privileges:true}); off by default, as in Docker
 * @param readOnlyRootfs mounts the root file system read-only
 * @param seccompUnconfined runs without Docker's default seccomp filter ({@code security_opt:
 *     seccomp=unconfined}); {@code privileged} implies it
 */
public record SecurityOptions(
    boolean privileged,
    List<String> capAdd,
    List<String> capDrop,
    boolean noNewPrivileges,
    boolean readOnlyRootfs,
    boolean seccompUnconfined) {

  /** Docker's defaults: default capability set, writable root, default seccomp filter. */
  public static final SecurityOptions DEFAULT =
      new SecurityOptions(false, List.of(), List.of(), false, false);

  public SecurityOptions {
    capAdd = List.copyOf(capAdd);
    capDrop = List.copyOf(capDrop);
  }

  /** Options with Docker's default seccomp filter (the form before seccompUnconfined existed). */
  public SecurityOptions(
      boolean privileged,
      List<String> capAdd,
      List<String> capDrop,
      boolean noNewPrivileges,
      boolean readOnlyRootfs) {
    this(privileged, capAdd, capDrop, noNewPrivileges, readOnlyRootfs, false);
  }

  /** A copy that runs without (true) or with (false) the default seccomp filter. */
  public SecurityOptions withSeccompUnconfined(boolean unconfined) {
    return new SecurityOptions(
        privileged, capAdd, capDrop, noNewPrivileges, readOnlyRootfs, unconfined);
  }
}
