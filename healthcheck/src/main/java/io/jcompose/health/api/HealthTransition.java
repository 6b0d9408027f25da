package io.jcompose.health.api;

import java.time.Instant;

/**
 * A change of a container's health.
 *
 * @param containerId the container
 * @param from status before
 * @param to status after
 * @param cause the probe result that caused it
 * @param time when it happened
 */
public record HealthTransition(
    String containerId, HealthStatus from, HealthStatus to, ProbeResult cause, Instant time) {}
