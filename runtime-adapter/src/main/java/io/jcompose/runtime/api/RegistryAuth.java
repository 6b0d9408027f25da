package io.jcompose.runtime.api;

import java.util.Optional;

/** Where a puller finds the credentials for a registry host. */
@FunctionalInterface
public interface RegistryAuth {

  /**
   * The credentials stored for {@code registry} ({@code docker.io}, {@code localhost:5000}), or
   * empty to pull anonymously.
   */
  Optional<RegistryCredentials> credentialsFor(String registry);

  /** No credentials anywhere: every pull is anonymous. */
  static RegistryAuth anonymous() {
    return registry -> Optional.empty();
  }
}
