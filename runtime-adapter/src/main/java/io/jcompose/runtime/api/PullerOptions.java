package io.jcompose.runtime.api;

import java.time.Duration;
import java.util.Map;

/**
 * How an {@link ImagePuller} talks to registries.
 *
 * @param auth where credentials come from
 * @param registries which registries are spoken to over plain HTTP
 * @param maxConcurrentDownloads blobs downloaded at once per pull (docker's default is 3)
 * @param maxAttempts tries per request before giving up (connection errors, 5xx, 429)
 * @param firstBackoff the wait before the second try; doubled for every further one
 * @param stallTimeout a download that receives nothing for this long is cut and resumed
 */
public record PullerOptions(
    RegistryAuth auth,
    RegistryConfig registries,
    int maxConcurrentDownloads,
    int maxAttempts,
    Duration firstBackoff,
    Duration stallTimeout) {

  public PullerOptions {
    if (maxConcurrentDownloads < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("maxConcurrentDownloads and maxAttempts must be >= 1");
    }
  }

  /**
   * Anonymous pulls, loopback over HTTP, 3 downloads at once, 5 attempts from 500 ms, 30 s stall
   * timeout.
   */
  public static PullerOptions defaults() {
    return new PullerOptions(
        RegistryAuth.anonymous(),
        RegistryConfig.defaults(),
        3,
        5,
        Duration.ofMillis(500),
        Duration.ofSeconds(30));
  }

  /**
   * The defaults with the user's docker login credentials ({@link DockerConfigFile#locate}) and
   * jcompose's registry config ({@link RegistryConfig#load}).
   */
  public static PullerOptions fromEnvironment(Map<String, String> env) {
    return defaults()
        .withAuth(DockerConfigFile.locate(env))
        .withRegistries(RegistryConfig.load(env));
  }

  /** A copy with another credential source. */
  public PullerOptions withAuth(RegistryAuth auth) {
    return new PullerOptions(
        auth, registries, maxConcurrentDownloads, maxAttempts, firstBackoff, stallTimeout);
  }

  /** A copy with other registry settings. */
  public PullerOptions withRegistries(RegistryConfig registries) {
    return new PullerOptions(
        auth, registries, maxConcurrentDownloads, maxAttempts, firstBackoff, stallTimeout);
  }

  /** A copy with another number of parallel downloads. */
  public PullerOptions withMaxConcurrentDownloads(int n) {
    return new PullerOptions(auth, registries, n, maxAttempts, firstBackoff, stallTimeout);
  }

  /** A copy with another stall timeout. */
  public PullerOptions withStallTimeout(Duration timeout) {
    return new PullerOptions(
        auth, registries, maxConcurrentDownloads, maxAttempts, firstBackoff, timeout);
  }

  /** A copy with another retry policy. */
  public PullerOptions withRetries(int maxAttempts, Duration firstBackoff) {
    return new PullerOptions(
        auth, registries, maxConcurrentDownloads, maxAttempts, firstBackoff, stallTimeout);
  }
}
