package io.jcompose.runtime.api;

import io.jcompose.runtime.registry.RegistryPuller;
import io.vertx.core.Vertx;
import java.util.Map;

/** Creates {@link ImagePuller}s. */
public final class ImagePullers {

  private ImagePullers() {}

  /** A puller writing into {@code store} with the given options. */
  public static ImagePuller create(Vertx vertx, ImageStore store, PullerOptions options) {
    return new RegistryPuller(vertx, store, options);
  }

  /** A puller with the user's docker credentials and jcompose registry config from {@code env}. */
  public static ImagePuller fromEnvironment(
      Vertx vertx, ImageStore store, Map<String, String> env) {
    return create(vertx, store, PullerOptions.fromEnvironment(env));
  }
}
