package io.jcompose.scheduler.api;

import io.jcompose.model.api.ProjectOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a client sends instead of a loaded {@code Project} when the daemon is to load the model
 * itself: the client's global options, its working directory and environment, and standard input
 * when a compose file is read from it. The daemon reads the files from the same host, so the
 * project is the one the client would have loaded; a short-lived client is spared the YAML parsing
 * and the serialisation of the model.
 *
 * @param workingDir the client's working directory, absolute; relative paths resolve against it
 * @param files {@code -f} values in order ({@code -} is standard input); empty for discovery
 * @param stdin the content of standard input when {@code -} is among the files, else null
 * @param projectName {@code -p}, or null
 * @param projectDirectory {@code --project-directory}, or null
 * @param envFiles {@code --env-file} values; empty for the default {@code .env}
 * @param profiles {@code --profile} values
 * @param environment the client's environment, for interpolation and {@code COMPOSE_*}
 * @param services services named on the command line (enabled whatever their profile)
 */
public record ProjectInput(
    String workingDir,
    List<String> files,
    String stdin,
    String projectName,
    String projectDirectory,
    List<String> envFiles,
    List<String> profiles,
    Map<String, String> environment,
    List<String> services) {

  public ProjectInput {
    files = files == null ? List.of() : List.copyOf(files);
    envFiles = envFiles == null ? List.of() : List.copyOf(envFiles);
    profiles = profiles == null ? List.of() : List.copyOf(profiles);
    environment = environment == null ? Map.of() : Map.copyOf(environment);
    services = services == null ? List.of() : List.copyOf(services);
    if (workingDir == null || !Path.of(workingDir).isAbsolute()) {
      throw new IllegalArgumentException(
          "the project input's workingDir must be an absolute path, got " + workingDir);
    }
  }

  /** The model loader's options for this input. */
  public ProjectOptions toOptions() {
    return ProjectOptions.of(Path.of(workingDir), environment)
        .withConfigFiles(files)
        .withStdinContent(stdin)
        .withProjectName(projectName)
        .withProjectDirectory(projectDirectory == null ? null : Path.of(projectDirectory))
        .withEnvFiles(envFiles)
        .withProfiles(profiles)
        .withCommandLineServices(services);
  }
}
