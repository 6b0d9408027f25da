package io.jcompose.model.api;

/**
 * One {@code depends_on} entry in long form.
 *
 * @param condition {@link #STARTED}, {@link #HEALTHY} or {@link #COMPLETED}
 * @param required whether a missing or failing dependency is an error (else a warning)
 * @param restart whether restarting the dependency restarts this service
 */
public record ServiceDependency(String condition, boolean required, boolean restart) {

  /** The dependency only has to be started. */
  public static final String STARTED = "service_started";

  /** The dependency has to report healthy. */
  public static final String HEALTHY = "service_healthy";

  /** The dependency has to exit with status 0. */
  public static final String COMPLETED = "service_completed_successfully";

  /** Defaults the condition to {@link #STARTED}. */
  public ServiceDependency {
    condition = condition == null ? STARTED : condition;
  }

  /** A required dependency with the given condition and no restart propagation. */
  public static ServiceDependency of(String condition) {
    return new ServiceDependency(condition, true, false);
  }
}
