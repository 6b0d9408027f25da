package io.jcompose.cli;

import io.jcompose.model.api.ComposeFileException;
import io.jcompose.model.api.Project;
import io.jcompose.model.api.ProjectLoader;
import io.jcompose.model.api.ProjectOptions;
import io.jcompose.scheduler.api.ProjectInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the project a command is about, client side as docker compose does: files, {@code .env},
 * interpolation from this shell's environment. Verbs that work on what runs ({@code ps}, {@code
 * logs}, {@code down}…) may go by {@code -p} alone when there is no compose file.
 */
final class ProjectSource {

  private static final List<String> DEFAULT_FILES =
      List.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml");

  private final GlobalOptions globals;
  private final Map<String, String> environment;
  private final Path workingDir;

  ProjectSource(GlobalOptions globals, Map<String, String> environment, Path workingDir) {
    this.globals = globals;
    this.environment = Map.copyOf(environment);
    this.workingDir = workingDir;
  }

  static ProjectSource of(GlobalOptions globals) {
    return new ProjectSource(globals, System.getenv(), Path.of("").toAbsolutePath());
  }

  /** The full project; fails with the model's one-line error when files are missing or invalid. */
  Project load(List<String> commandLineServices) {
    try {
      return ProjectLoader.load(options(commandLineServices));
    } catch (ComposeFileException e) {
      throw new ModelError(e);
    }
  }

  /**
   * The project when there are compose files to read, else empty when {@code -p} names it alone (a
   * project whose files are gone can still be listed and taken down).
   */
  Optional<Project> loadIfPresent(List<String> commandLineServices) {
    if (globals.projectName() != null && !hasComposeFiles()) {
      return Optional.empty();
    }
    return Optional.of(load(commandLineServices));
  }

  /**
   * What the daemon needs to load the project as {@link #loadIfPresent} would: empty when {@code
   * -p} names a project without compose files.
   */
  Optional<ProjectInput> inputIfPresent(List<String> commandLineServices) {
    if (globals.projectName() != null && !hasComposeFiles()) {
      return Optional.empty();
    }
    return Optional.of(input(commandLineServices));
  }

  /** The project's name: {@code -p} when no file is there, else the loaded project's. */
  String projectName(Optional<Project> project) {
    return project.map(Project::name).orElse(globals.projectName());
  }

  private boolean hasComposeFiles() {
    if (!globals.files().isEmpty() || environment.containsKey("COMPOSE_FILE")) {
      return true;
    }
    Path start = globals.projectDirectory() != null ? globals.projectDirectory() : workingDir;
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (String name : DEFAULT_FILES) {
        if (Files.isRegularFile(dir.resolve(name))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * What the daemon needs to load the project itself ({@code POST /v1/up}): the same options {@link
   * #options} gives the local loader, with standard input read here when {@code -f -} names it.
   */
  ProjectInput input(List<String> commandLineServices) {
    return new ProjectInput(
        workingDir.toString(),
        globals.files(),
        globals.files().contains("-") ? readStdin() : null,
        globals.projectName(),
        globals.projectDirectory() == null ? null : globals.projectDirectory().toString(),
        globals.envFiles().stream().map(Path::toString).toList(),
        globals.profiles(),
        environment,
        commandLineServices);
  }

  ProjectOptions options(List<String> commandLineServices) {
    ProjectOptions options =
        ProjectOptions.of(workingDir, environment)
            .withConfigFiles(globals.files())
            .withProjectName(globals.projectName())
            .withProjectDirectory(globals.projectDirectory())
            .withEnvFiles(globals.envFiles().stream().map(Path::toString).toList())
            .withProfiles(globals.profiles())
            .withCommandLineServices(commandLineServices);
    if (globals.files().contains("-")) {
      options = options.withStdinContent(readStdin());
    }
    return options;
  }

  /** Standard input once read: a verb that falls back to loading locally needs it a second time. */
  private static String stdin;

  private static synchronized String readStdin() {
    if (stdin != null) {
      return stdin;
    }
    try {
      stdin = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
      return stdin;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the compose file from standard input", e);
    }
  }

  /** The model's checked error carried through picocli; printed as its own line. */
  static final class ModelError extends RuntimeException {
    ModelError(ComposeFileException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
