package io.jcompose.runtime.api;

/**
 * What a user logs in to a registry with.
 *
 * @param username user name (may be {@code <token>} with an identity token)
 * @param password password or access token
 * @param identityToken an OAuth refresh token from the registry, or null
 */
public record RegistryCredentials(String username, String password, String identityToken) {

  /** Credentials made of a user name and a password. */
  public static RegistryCredentials of(String username, String password) {
    return new RegistryCredentials(username, password, null);
  }

  /** Hides the secret so credentials never end up in a log. */
  @Override
  public String toString() {
    return "RegistryCredentials[" + username + ", ****]";
  }
}
