package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;

/** Turns one attribute's value, as written, into its canonical tree form (or fails). */
@FunctionalInterface
interface AttributeForm {
  Object canonical(ValueReader r, Object value, String path, PathResolver paths)
      throws ComposeFileException;
}
