package io.jcompose.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * The global options of one invocation, as parsed from the command line.
 *
 * @param files {@code -f} in order; empty means discovery
 * @param projectName {@code -p}, or null
 * @param projectDirectory {@code --project-directory}, or null
 * @param envFiles {@code --env-file} in order
 * @param profiles {@code --profile} in order
 * @param parallel {@code --parallel}, or null for {@code COMPOSE_PARALLEL_LIMIT}/unlimited
 * @param progress {@code --progress}
 * @param ansi {@code --ansi}
 * @param debug {@code --debug}
 */
record GlobalOptions(
    List<String> files,
    String projectName,
    Path projectDirectory,
    List<Path> envFiles,
    List<String> profiles,
    Integer parallel,
    ProgressMode progress,
    AnsiMode ansi,
    boolean debug) {

  GlobalOptions {
    files = List.copyOf(files);
    envFiles = List.copyOf(envFiles);
    profiles = List.copyOf(profiles);
  }

  /** The parallelism limit: {@code --parallel}, else {@code COMPOSE_PARALLEL_LIMIT}, else -1. */
  int parallelLimit() {
    if (parallel != null) {
      return parallel;
    }
    String env = System.getenv("COMPOSE_PARALLEL_LIMIT");
    try {
      return env == null || env.isBlank() ? -1 : Integer.parseInt(env.trim());
    } catch (NumberFormatException e) {
      throw new CliException(
          "COMPOSE_PARALLEL_LIMIT=" + env + " is not a number; set it to a count or unset it");
    }
  }
}
