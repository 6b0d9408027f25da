package io.jcompose.health.api;

/** Receives a container's health transitions the moment they happen. */
@FunctionalInterface
public interface HealthListener {

  /** Called on the monitor's context for every status change. */
  void onTransition(HealthTransition transition);
}
