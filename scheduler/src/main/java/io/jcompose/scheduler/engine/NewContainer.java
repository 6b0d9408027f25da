package io.jcompose.scheduler.engine;

import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import io.jcompose.runtime.api.ContainerSpec;
import java.util.function.UnaryOperator;

/**
 * A container to create.
 *
 * @param project the project
 * @param service its service
 * @param number replica number
 * @param name container name
 * @param oneOff whether it is a {@code run} container
 * @param customize changes to the spec built from the service ({@code run} overrides)
 * @param joinTargetKey network key of the container whose namespace it joins, or null
 */
record NewContainer(
    Project project,
    Service service,
    int number,
    String name,
    boolean oneOff,
    UnaryOperator<ContainerSpec> customize,
    String joinTargetKey) {}
