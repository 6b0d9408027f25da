package io.jcompose.model.loader;

/**
 * A value carrying one of the compose merge tags: {@code !reset} (drop what earlier files set) or
 * {@code !override} (replace instead of merging).
 *
 * @param reset true for {@code !reset}, false for {@code !override}
 * @param value the tagged value (ignored for {@code !reset})
 */
record TaggedValue(boolean reset, Object value) {}
