package io.jcompose.model.api;

/**
 * One rlimit of a service; the single-number form sets both values.
 *
 * @param soft soft limit
 * @param hard hard limit
 */
public record UlimitSetting(long soft, long hard) {}
