package io.jcompose.runtime.api;

/**
 * How an exec ended.
 *
 * @param exitCode exit code (128+signal when killed, 124 on timeout)
 * @param output combined stdout and stderr, truncated to a few KiB
 * @param timedOut whether it was killed for exceeding its timeout
 */
public record ExecResult(int exitCode, String output, boolean timedOut) {}
