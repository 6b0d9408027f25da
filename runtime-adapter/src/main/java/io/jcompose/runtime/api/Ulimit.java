package io.jcompose.runtime.api;

/**
 * One rlimit ({@code ulimits: nofile: {soft: 1024, hard: 2048}}).
 *
 * @param name the limit without prefix, lower case: {@code nofile}, {@code nproc}, {@code core}…
 * @param soft soft limit
 * @param hard hard limit
 */
public record Ulimit(String name, long soft, long hard) {}
