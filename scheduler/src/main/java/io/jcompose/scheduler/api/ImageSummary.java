package io.jcompose.scheduler.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An image a container of the project uses.
 *
 * @param containerName the container
 * @param repository repository ({@code busybox})
 * @param tag tag ({@code latest})
 * @param id image id ({@code sha256:…})
 * @param sizeBytes unpacked size
 */
public record ImageSummary(
    @JsonProperty("ContainerName") String containerName,
    @JsonProperty("Repository") String repository,
    @JsonProperty("Tag") String tag,
    @JsonProperty("ID") String id,
    @JsonProperty("Size") long sizeBytes) {}
