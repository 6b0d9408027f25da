package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the variables used for interpolation: the env files ({@code --env-file}, repeatable, else
 * {@code .env} in the project directory unless {@code COMPOSE_DISABLE_ENV_FILE} is true),
 * overridden by the shell environment.
 */
final class EnvironmentResolver {
  private EnvironmentResolver() {}

  /**
   * The merged variables.
   *
   * @param shell the shell environment (wins)
   * @param envFiles explicit env files, relative to {@code cwd}; empty for the default {@code .env}
   * @param projectDir where the default {@code .env} lives
   */
  static Map<String, String> resolve(
      Map<String, String> shell, List<String> envFiles, Path cwd, Path projectDir)
      throws ComposeFileException {
    Map<String, String> merged = new HashMap<>();
    if (!envFiles.isEmpty()) {
      for (String f : envFiles) {
        Path path = cwd.resolve(f).normalize();
        if (!Files.isRegularFile(path)) {
          throw new ComposeFileException(
              ComposeFileLocator.displayName(cwd, path),
              null,
              "env file not found; check the --env-file path");
        }
        readInto(merged, shell, cwd, path);
      }
    } else if (!isTrue(shell.get("COMPOSE_DISABLE_ENV_FILE"))) {
      Path dotEnv = projectDir.resolve(".env");
      if (Files.isRegularFile(dotEnv)) {
        readInto(merged, shell, cwd, dotEnv);
      }
    }
    merged.values().removeIf(v -> v == null);
    merged.putAll(shell);
    return merged;
  }

  /** Reads one env file; later files see the values of earlier ones. */
  static Map<String, String> readEnvFile(Path path, String display, Map<String, String> outside)
      throws ComposeFileException {
    try {
      return DotEnvParser.parse(display, Files.readString(path), outside::get);
    } catch (IOException e) {
      throw new ComposeFileException(display, null, "cannot read env file: " + e.getMessage(), e);
    }
  }

  private static void readInto(
      Map<String, String> merged, Map<String, String> shell, Path cwd, Path path)
      throws ComposeFileException {
    Map<String, String> outside = new HashMap<>(merged);
    outside.putAll(shell);
    Map<String, String> values =
        readEnvFile(path, ComposeFileLocator.displayName(cwd, path), outside);
    values.forEach(
        (k, v) -> {
          if (v != null) {
            merged.put(k, v);
          } else if (shell.containsKey(k)) {
            merged.put(k, shell.get(k));
          }
        });
  }

  static boolean isTrue(String value) {
    return value != null && (value.equalsIgnoreCase("true") || value.equals("1"));
  }
}
