package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;
import io.jcompose.model.api.ProjectOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Stage 0: which files make the project: {@code -f} (repeatable, {@code -} for stdin), else {@code
 * COMPOSE_FILE} split by {@code COMPOSE_PATH_SEPARATOR}, else the first directory from the project
 * or working directory upwards holding {@code compose.yaml}, {@code compose.yml}, {@code
 * docker-compose.yml} or {@code docker-compose.yaml}, with its matching override file.
 */
final class ComposeFileLocator {
  static final List<String> DEFAULT_NAMES =
      List.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml");

  private ComposeFileLocator() {}

  /** The files, read, in merge order. */
  static List<SourceFile> locate(ProjectOptions options, Map<String, String> env, Warnings warnings)
      throws ComposeFileException {
    Path cwd = options.workingDir();
    List<String> named = options.configFiles();
    if (named.isEmpty() && env.get("COMPOSE_FILE") != null && !env.get("COMPOSE_FILE").isBlank()) {
      String sep = env.getOrDefault("COMPOSE_PATH_SEPARATOR", ":");
      named = new ArrayList<>();
      for (String part : env.get("COMPOSE_FILE").split(Pattern.quote(sep.isEmpty() ? ":" : sep))) {
        if (!part.isBlank()) {
          named.add(part.strip());
        }
      }
    }
    List<SourceFile> files = new ArrayList<>();
    if (!named.isEmpty()) {
      for (String name : named) {
        if (name.equals("-")) {
          if (options.stdinContent() == null) {
            throw new ComposeFileException("-", null, "no standard input was provided for -f -");
          }
          files.add(new SourceFile("<stdin>", null, options.stdinContent()));
        } else {
          files.add(read(cwd, cwd.resolve(name).normalize(), "check the -f / COMPOSE_FILE path"));
        }
      }
      return files;
    }
    Path start = options.projectDirectory() != null ? cwd.resolve(options.projectDirectory()) : cwd;
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      List<String> present = new ArrayList<>();
      for (String name : DEFAULT_NAMES) {
        if (Files.isRegularFile(dir.resolve(name))) {
          present.add(name);
        }
      }
      if (present.isEmpty()) {
        continue;
      }
      String chosen = present.get(0);
      if (present.size() > 1) {
        warnings.add(
            "Found multiple config files with supported names: "
                + String.join(", ", present)
                + "; using "
                + chosen);
      }
      files.add(read(cwd, dir.resolve(chosen), ""));
      String base = chosen.substring(0, chosen.lastIndexOf('.'));
      for (String ext : List.of(".yaml", ".yml")) {
        Path override = dir.resolve(base + ".override" + ext);
        if (Files.isRegularFile(override)) {
          files.add(read(cwd, override, ""));
          break;
        }
      }
      return files;
    }
    throw new ComposeFileException(
        null,
        null,
        "no configuration file provided: none of "
            + String.join(", ", DEFAULT_NAMES)
            + " found in "
            + start
            + " or its parents; create compose.yaml or pass -f FILE");
  }

  /** Reads a file, failing with a one-line message when it is missing or too large. */
  static SourceFile read(Path cwd, Path path, String hint) throws ComposeFileException {
    String display = displayName(cwd, path);
    if (!Files.isRegularFile(path)) {
      throw new ComposeFileException(
          display, null, "no such file" + (hint.isEmpty() ? "" : "; " + hint));
    }
    try {
      if (Files.size(path) > YamlTreeReader.MAX_FILE_CHARS) {
        throw new ComposeFileException(
            display, null, "file is larger than 8 MiB; split it or use include");
      }
      return new SourceFile(display, path, Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ComposeFileException(display, null, "cannot read file: " + e.getMessage(), e);
    }
  }

  static String displayName(Path cwd, Path path) {
    Path abs = path.toAbsolutePath().normalize();
    return abs.startsWith(cwd) && !abs.equals(cwd)
        ? cwd.relativize(abs).toString()
        : abs.toString();
  }
}
