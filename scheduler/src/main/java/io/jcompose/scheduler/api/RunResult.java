package io.jcompose.scheduler.api;

/**
 * How a one-off container ended (or, detached, that it started).
 *
 * @param container its name
 * @param exitCode its exit code; 0 when detached
 */
public record RunResult(String container, int exitCode) {}
