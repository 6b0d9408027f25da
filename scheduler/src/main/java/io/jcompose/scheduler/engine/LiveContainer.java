package io.jcompose.scheduler.engine;

import io.jcompose.health.api.HealthConfig;
import io.jcompose.health.api.HealthMonitor;
import io.jcompose.health.api.HealthStatus;
import io.jcompose.health.api.Ticker;
import io.jcompose.model.api.Service;
import io.jcompose.runtime.api.ContainerStatus;
import io.jcompose.runtime.api.PublishedPort;
import java.time.Instant;
import java.util.List;

/**
 * The engine's live view of one container: lifecycle status, health, restart bookkeeping. Mutated
 * only by the {@link Supervisor} under its lock.
 */
final class LiveContainer {

  final String id;
  final String name;
  final String project;
  final String service;
  final int number;
  final HealthConfig healthConfig;
  final RestartPolicy restartPolicy;
  final RestartBackoff backoff;
  final Service serviceModel;
  final String netKey;

  ContainerStatus status = ContainerStatus.CREATED;
  int exitCode;
  Instant startedAt;
  long startedNanos;
  HealthMonitor monitor;
  HealthStatus health;
  ContainerRecord record;
  Ticker.Cancellable pendingRestart;
  int generation;
  List<PublishedPort> published = List.of();
  // Set while the engine removes the container: its exit then skips marking DNS stopped, since the
  // removal takes the whole endpoint away next (one network step per container instead of two).
  volatile boolean removing;

  /** Set while re-adopting a running container: its ports are already open, only read them. */
  boolean adopting;

  LiveContainer(
      String id,
      String name,
      String project,
      String service,
      int number,
      HealthConfig healthConfig,
      RestartPolicy restartPolicy,
      ContainerRecord record,
      Service serviceModel,
      String netKey) {
    this.id = id;
    this.name = name;
    this.project = project;
    this.service = service;
    this.number = number;
    this.healthConfig = healthConfig;
    this.restartPolicy = restartPolicy;
    this.backoff = new RestartBackoff(restartPolicy.delay());
    this.record = record;
    this.serviceModel = serviceModel;
    this.netKey = netKey;
  }

  /** Whether a healthcheck runs for it. */
  boolean hasHealthcheck() {
    return healthConfig != null && !healthConfig.disabled();
  }

  /** The health word for {@code ps}: empty without a healthcheck. */
  String healthWord() {
    return health == null ? "" : health.word();
  }
}
