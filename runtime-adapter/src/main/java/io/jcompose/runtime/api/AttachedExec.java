package io.jcompose.runtime.api;

import io.vertx.core.Future;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A command running in a container with its standard streams handed to the caller. The streams
 * block: read and write them on worker threads, never on an event loop.
 *
 * @param stdin the command's standard input; closing it sends end of file
 * @param stdout the command's standard output (with a terminal: the terminal's output, stderr
 *     included)
 * @param stderr the command's standard error; empty with a terminal
 * @param exitCode completes with the command's exit code once it ends
 */
public record AttachedExec(
    OutputStream stdin, InputStream stdout, InputStream stderr, Future<Integer> exitCode) {}
