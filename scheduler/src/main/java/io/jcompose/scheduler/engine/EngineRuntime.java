package io.jcompose.scheduler.engine;

import io.jcompose.runtime.api.ContainerRuntime;
import io.jcompose.runtime.api.ImagePuller;
import io.jcompose.runtime.api.ImageStore;
import io.jcompose.runtime.api.NetworkDriver;
import io.jcompose.runtime.api.PortPublisher;
import io.jcompose.runtime.api.VolumeStore;

/**
 * The runtime services the engine drives.
 *
 * @param containers container lifecycle
 * @param images the local image store
 * @param puller pulls missing images, or null when pulling is not available (images must be local)
 * @param volumes named volumes
 * @param networks bridge networks, endpoints and DNS
 * @param ports published ports, or null to leave ports unpublished (with a warning)
 */
public record EngineRuntime(
    ContainerRuntime containers,
    ImageStore images,
    ImagePuller puller,
    VolumeStore volumes,
    NetworkDriver networks,
    PortPublisher ports) {}
