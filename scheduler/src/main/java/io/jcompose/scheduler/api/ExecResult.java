package io.jcompose.scheduler.api;

/**
 * How an exec ended.
 *
 * @param exitCode its exit code
 * @param output combined output when the runtime returns it at the end (also sent to the sink)
 */
public record ExecResult(int exitCode, String output) {}
