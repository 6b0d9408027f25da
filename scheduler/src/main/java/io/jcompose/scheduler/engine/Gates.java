package io.jcompose.scheduler.engine;

import io.jcompose.health.api.HealthStatus;
import io.jcompose.model.api.ServiceDependency;
import io.jcompose.runtime.api.ContainerStatus;
import java.util.function.Function;

/** What a dependent waits for in a dependency's container, per {@code depends_on} condition. */
final class Gates {

  private Gates() {}

  static Function<LiveContainer, Verdict> of(String condition, String dependent) {
    return switch (condition) {
      case ServiceDependency.HEALTHY -> c -> healthy(c, dependent);
      case ServiceDependency.COMPLETED -> c -> completed(c, dependent);
      default -> Gates::started;
    };
  }

  static Verdict started(LiveContainer c) {
    return c.status == ContainerStatus.CREATED ? Verdict.WAIT : Verdict.PASS;
  }

  static Verdict healthy(LiveContainer c, String dependent) {
    String who = "service \"" + dependent + "\" cannot start: dependency \"" + c.service + "\"";
    if (!c.hasHealthcheck()) {
      return Verdict.fail(
          who
              + " has no healthcheck, so it can never be healthy; add a healthcheck to "
              + c.service
              + " or use condition: service_started");
    }
    if (c.health == HealthStatus.HEALTHY && c.status == ContainerStatus.RUNNING) {
      return Verdict.PASS;
    }
    if (c.health == HealthStatus.UNHEALTHY) {
      return Verdict.fail(who + " is unhealthy (container " + c.name + ")");
    }
    if (c.status == ContainerStatus.EXITED || c.status == ContainerStatus.DEAD) {
      return Verdict.fail(
          who
              + " exited with code "
              + c.exitCode
              + " before it was healthy (container "
              + c.name
              + ")");
    }
    return Verdict.WAIT;
  }

  static Verdict completed(LiveContainer c, String dependent) {
    if (c.status != ContainerStatus.EXITED && c.status != ContainerStatus.DEAD) {
      return Verdict.WAIT;
    }
    return c.exitCode == 0
        ? Verdict.PASS
        : Verdict.fail(
            "service \""
                + dependent
                + "\" cannot start: dependency \""
                + c.service
                + "\" did not complete successfully: exit "
                + c.exitCode
                + " (container "
                + c.name
                + ")");
  }

  /** For {@code up --wait}: healthy when it has a healthcheck, else running or exited 0. */
  static Verdict ready(LiveContainer c) {
    if (c.hasHealthcheck()) {
      if (c.health == HealthStatus.HEALTHY) {
        return Verdict.PASS;
      }
      if (c.health == HealthStatus.UNHEALTHY) {
        return Verdict.fail("container " + c.name + " is unhealthy");
      }
    } else if (c.status == ContainerStatus.RUNNING) {
      return Verdict.PASS;
    }
    if (c.status == ContainerStatus.EXITED) {
      return c.exitCode == 0
          ? Verdict.PASS
          : Verdict.fail("container " + c.name + " exited with code " + c.exitCode);
    }
    return Verdict.WAIT;
  }
}
