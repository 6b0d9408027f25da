package io.jcompose.scheduler.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One project on the host, as {@code ls --format json} prints it.
 *
 * @param name project name
 * @param status container states with counts ({@code running(3)}, {@code exited(1), running(2)})
 * @param configFiles the compose files it came from, comma separated
 */
public record StackSummary(
    @JsonProperty("Name") String name,
    @JsonProperty("Status") String status,
    @JsonProperty("ConfigFiles") String configFiles) {}
