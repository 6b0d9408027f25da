package io.jcompose.runtime.api;

import io.vertx.core.Future;
import java.util.function.Consumer;

/**
 * Pulls images from OCI / Docker registries into the {@link ImageStore}, as {@code docker pull}
 * does. Create one with {@link ImagePullers}.
 */
public interface ImagePuller {

  /**
   * Pulls {@code reference} for {@code platform}: resolves an image index to that platform's
   * manifest, downloads the config and every layer the store lacks (several at once, digests
   * verified while streaming, retried and resumed on failure), then registers the image under the
   * reference.
   *
   * <p>Fails with a one-line {@link NotFoundException} for an unknown repository, tag or platform,
   * and a {@link RuntimeFailure} when the registry refuses the credentials, cannot be reached,
   * sends a blob whose digest differs, or the disk fills up; partial downloads are removed then and
   * no tag is written.
   *
   * @param reference image reference as the user wrote it ({@code redis:7}, {@code
   *     localhost:5000/app@sha256:…})
   * @param platform the platform to pick from a multi-platform image
   * @param progress receives events on an arbitrary thread; it must not block
   * @return the image as registered in the store
   */
  Future<Image> pull(String reference, Platform platform, Consumer<PullProgress> progress);

  /** {@link #pull(String, Platform, Consumer)} for the host's platform. */
  default Future<Image> pull(String reference, Consumer<PullProgress> progress) {
    return pull(reference, Platform.host(), progress);
  }

  /**
   * Checks that {@code registry} accepts {@code credentials} (what {@code jcompose login} does
   * before storing them): succeeds when the registry's {@code /v2/} endpoint, or its token service,
   * accepts them, fails with a {@link RuntimeFailure} saying the login was refused otherwise.
   *
   * @param registry registry host as in an image reference ({@code docker.io}, {@code host:5000})
   */
  Future<Void> checkLogin(String registry, RegistryCredentials credentials);
}
