package io.jcompose.scheduler.engine;

import io.jcompose.health.api.HealthConfig;
import io.jcompose.model.api.Healthcheck;
import io.jcompose.model.api.Service;
import io.jcompose.runtime.api.ImageConfig;
import java.time.Duration;
import java.util.List;

/** The healthcheck a container runs: the service's, filling gaps from the image's HEALTHCHECK. */
final class HealthConfigs {

  private HealthConfigs() {}

  /** The effective check, or {@link HealthConfig#none()}. */
  static HealthConfig of(Service service, ImageConfig image) {
    Healthcheck h = service.healthcheck();
    ImageConfig img = image == null ? ImageConfig.EMPTY : image;
    if (h != null && h.disabled()) {
      return HealthConfig.none();
    }
    List<String> test = h != null && h.test() != null ? h.test() : img.healthcheck();
    if (test == null || test.isEmpty() || "NONE".equals(test.get(0))) {
      return HealthConfig.none();
    }
    return new HealthConfig(
        test,
        pick(h == null ? null : h.interval(), img.healthInterval()),
        pick(h == null ? null : h.timeout(), img.healthTimeout()),
        h != null && h.retries() != null ? h.retries() : img.healthRetries(),
        pick(h == null ? null : h.startPeriod(), img.healthStartPeriod()),
        h == null ? null : h.startInterval(),
        false);
  }

  private static Duration pick(Duration fromService, long imageNanos) {
    if (fromService != null) {
      return fromService;
    }
    return imageNanos > 0 ? Duration.ofNanos(imageNanos) : null;
  }
}
