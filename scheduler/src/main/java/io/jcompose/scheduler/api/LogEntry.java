package io.jcompose.scheduler.api;

import java.time.Instant;

/**
 * One line of a container's output.
 *
 * @param container container name
 * @param service service name
 * @param number replica number
 * @param stream {@code stdout} or {@code stderr}
 * @param time when it was written
 * @param text the line without its newline
 */
public record LogEntry(
    String container, String service, int number, String stream, Instant time, String text) {}
