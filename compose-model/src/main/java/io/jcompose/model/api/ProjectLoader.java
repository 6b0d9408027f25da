package io.jcompose.model.api;

import io.jcompose.model.loader.LoadPipeline;

/**
 * Loads a Compose project: finds the files, reads {@code .env}, interpolates, resolves {@code
 * extends}/{@code include}/profiles, merges, validates and returns the canonical {@link Project}.
 * Reads files and nothing else.
 */
public final class ProjectLoader {
  private ProjectLoader() {}

  /**
   * Loads the project the options describe.
   *
   * @throws ComposeFileException when a file is missing or invalid; the message is one line
   *     starting with the file and tree path
   */
  public static Project load(ProjectOptions options) throws ComposeFileException {
    return LoadPipeline.run(options);
  }
}
