package io.jcompose.scheduler.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One published port of a container, as {@code docker compose ps --format json} prints it.
 *
 * @param url host address it listens on ({@code 0.0.0.0}), empty when only exposed
 * @param targetPort the container port
 * @param publishedPort the host port, 0 when only exposed
 * @param protocol {@code tcp} or {@code udp}
 */
public record PortPublisher(
    @JsonProperty("URL") String url,
    @JsonProperty("TargetPort") int targetPort,
    @JsonProperty("PublishedPort") int publishedPort,
    @JsonProperty("Protocol") String protocol) {}
