package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The project name: {@code -p}, else {@code COMPOSE_PROJECT_NAME}, else the last top-level {@code
 * name:}, else the project directory's name normalized. An explicit name must already be valid.
 */
final class ProjectNamer {
  private static final String VALID = "[a-z0-9][a-z0-9_-]*";

  private ProjectNamer() {}

  static String name(String flag, String env, String fromFile, String file, Path projectDir)
      throws ComposeFileException {
    if (flag != null && !flag.isEmpty()) {
      return checked(flag, null, "-p");
    }
    if (env != null && !env.isEmpty()) {
      return checked(env, null, "COMPOSE_PROJECT_NAME");
    }
    if (fromFile != null && !fromFile.isEmpty()) {
      return checked(fromFile, file, "name");
    }
    Path dirName = projectDir.getFileName();
    String normalized = normalize(dirName == null ? "" : dirName.toString());
    if (normalized.isEmpty()) {
      throw new ComposeFileException(
          null,
          null,
          "cannot derive a project name from the directory \""
              + projectDir
              + "\"; set one with -p NAME or name: in the compose file");
    }
    return normalized;
  }

  /** Lowercase, only {@code [a-z0-9_-]}, no leading {@code _} or {@code -}. */
  static String normalize(String raw) {
    String lower = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
    return lower.replaceFirst("^[_-]+", "");
  }

  private static String checked(String name, String file, String source)
      throws ComposeFileException {
    if (!name.matches(VALID)) {
      throw new ComposeFileException(
          file,
          file == null ? null : "name",
          (file == null ? source + ": " : "")
              + "invalid project name \""
              + name
              + "\": use only lowercase letters, digits, '-' and '_', starting with a letter or"
              + " digit (e.g. \""
              + normalize(name)
              + "\")");
    }
    return name;
  }
}
