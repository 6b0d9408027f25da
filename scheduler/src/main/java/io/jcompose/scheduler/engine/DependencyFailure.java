package io.jcompose.scheduler.engine;

import io.jcompose.runtime.api.RuntimeFailure;

/**
 * A step did not run because a dependency failed; not the root cause, so {@code up} reports the
 * dependency's own failure instead when it has one.
 */
final class DependencyFailure extends RuntimeFailure {
  DependencyFailure(String message) {
    super(message);
  }
}
