package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;
import io.jcompose.model.api.Project;
import io.jcompose.model.api.ProjectOptions;

/** The loading stages in order; internal, reached through {@code ProjectLoader}. */
public final class LoadPipeline {
  private LoadPipeline() {}

  /** Runs every stage for the options. */
  public static Project run(ProjectOptions options) throws ComposeFileException {
    throw new ComposeFileException(null, null, "the compose loader is not implemented yet");
  }
}
