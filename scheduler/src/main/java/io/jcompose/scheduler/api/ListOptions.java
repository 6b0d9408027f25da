package io.jcompose.scheduler.api;

/**
 * Options of {@code ls}.
 *
 * @param all include projects whose containers are all stopped ({@code -a})
 */
public record ListOptions(boolean all) {}
