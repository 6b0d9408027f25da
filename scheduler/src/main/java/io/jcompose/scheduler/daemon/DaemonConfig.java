package io.jcompose.scheduler.daemon;

import io.jcompose.runtime.api.RuntimePaths;

/**
 * How to run a daemon.
 *
 * @param paths state and run directories; the socket is {@link RuntimePaths#socket()}
 * @param version the full version ({@code version+build}) clients must match
 * @param backend the engine and runtime components behind the API
 */
public record DaemonConfig(RuntimePaths paths, String version, DaemonBackend backend) {}
