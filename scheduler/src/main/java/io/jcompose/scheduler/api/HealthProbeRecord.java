package io.jcompose.scheduler.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One healthcheck probe run, as {@code inspect} shows it under {@code State.Health.Log}.
 *
 * @param start when it started
 * @param end when it ended
 * @param exitCode its exit code (0 healthy, 1 unhealthy, other values count as failures)
 * @param output what it printed, truncated
 */
public record HealthProbeRecord(
    @JsonProperty("Start") Instant start,
    @JsonProperty("End") Instant end,
    @JsonProperty("ExitCode") int exitCode,
    @JsonProperty("Output") String output) {}
