package io.jcompose.model.api;

/**
 * A host device mapped into a container.
 *
 * @param source host path
 * @param target path inside the container (defaults to the source)
 * @param permissions cgroup permissions, {@code rwm} by default
 */
public record DeviceMapping(String source, String target, String permissions) {}
