package io.jcompose.model.loader;

import java.nio.file.Path;

/**
 * One compose file's text and where it came from.
 *
 * @param displayName the name used in messages (relative to the working directory when inside it)
 * @param path absolute path, or null for standard input
 * @param content the text
 */
record SourceFile(String displayName, Path path, String content) {

  /** The directory relative paths inside this file resolve against when it is its own base. */
  Path directory(Path fallback) {
    return path == null ? fallback : path.getParent();
  }

  /** The name recorded in {@code Project.configFiles}. */
  String recordedName() {
    return path == null ? "-" : path.toString();
  }
}
