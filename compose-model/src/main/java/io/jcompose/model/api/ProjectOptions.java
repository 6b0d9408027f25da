package io.jcompose.model.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything {@link ProjectLoader#load} needs besides the files themselves; built by the CLI from
 * its global options and the user's environment.
 *
 * @param configFiles files given with {@code -f}, in order; {@code -} is standard input. Empty:
 *     {@code COMPOSE_FILE}, else discovery of {@code compose.yaml} (and its override) in the
 *     working directory and its parents
 * @param stdinContent the content of standard input when {@code -} is among the files, else null
 * @param projectName {@code -p}, null when not given
 * @param projectDirectory {@code --project-directory}, null for the first file's directory
 * @param envFiles {@code --env-file} paths (replace {@code .env}); empty for the default
 * @param profiles {@code --profile} values (added to {@code COMPOSE_PROFILES})
 * @param environment the shell environment; it wins over env files
 * @param workingDir the directory the command runs in, absolute
 * @param noInterpolate leave {@code ${VAR}} unexpanded
 * @param commandLineServices services named on the command line; they are enabled even when their
 *     profile is not active
 */
public record ProjectOptions(
    List<String> configFiles,
    String stdinContent,
    String projectName,
    Path projectDirectory,
    List<String> envFiles,
    List<String> profiles,
    Map<String, String> environment,
    Path workingDir,
    boolean noInterpolate,
    List<String> commandLineServices) {

  /** Normalizes nulls and copies the collections. */
  public ProjectOptions {
    configFiles = Frozen.list(configFiles);
    envFiles = Frozen.list(envFiles);
    profiles = Frozen.list(profiles);
    environment = Frozen.map(environment);
    commandLineServices = Frozen.list(commandLineServices);
    workingDir = workingDir == null ? Path.of("").toAbsolutePath() : workingDir.toAbsolutePath();
  }

  /** Options for discovering files in {@code workingDir} with the given shell environment. */
  public static ProjectOptions of(Path workingDir, Map<String, String> environment) {
    return new ProjectOptions(
        null, null, null, null, null, null, environment, workingDir, false, null);
  }

  /** A copy reading these files ({@code -f}); {@code -} reads {@code stdinContent}. */
  public ProjectOptions withConfigFiles(List<String> files) {
    return new ProjectOptions(
        files,
        stdinContent,
        projectName,
        projectDirectory,
        envFiles,
        profiles,
        environment,
        workingDir,
        noInterpolate,
        commandLineServices);
  }

  /** A copy with the content read from standard input for {@code -f -}. */
  public ProjectOptions withStdinContent(String content) {
    return new ProjectOptions(
        configFiles,
        content,
        projectName,
        projectDirectory,
        envFiles,
        profiles,
        environment,
        workingDir,
        noInterpolate,
        commandLineServices);
  }

  /** A copy with an explicit project name ({@code -p}). */
  public ProjectOptions withProjectName(String name) {
    return new ProjectOptions(
        configFiles,
        stdinContent,
        name,
        projectDirectory,
        envFiles,
        profiles,
        environment,
        workingDir,
        noInterpolate,
        commandLineServices);
  }

  /** A copy with {@code --project-directory}. */
  public ProjectOptions withProjectDirectory(Path dir) {
    return new ProjectOptions(
        configFiles,
        stdinContent,
        projectName,
        dir,
        envFiles,
        profiles,
        environment,
        workingDir,
        noInterpolate,
        commandLineServices);
  }

  /** A copy with {@code --env-file} values. */
  public ProjectOptions withEnvFiles(List<String> files) {
    return new ProjectOptions(
        configFiles,
        stdinContent,
        projectName,
        projectDirectory,
        files,
        profiles,
        environment,
        workingDir,
        noInterpolate,
        commandLineServices);
  }

  /** A copy with {@code --profile} values. */
  public ProjectOptions withProfiles(List<String> newProfiles) {
    return new ProjectOptions(
        configFiles,
        stdinContent,
        projectName,
        projectDirectory,
        envFiles,
        newProfiles,
        environment,
        workingDir,
        noInterpolate,
        commandLineServices);
  }

  /** A copy with interpolation switched off or on. */
  public ProjectOptions withNoInterpolate(boolean off) {
    return new ProjectOptions(
        configFiles,
        stdinContent,
        projectName,
        projectDirectory,
        envFiles,
        profiles,
        environment,
        workingDir,
        off,
        commandLineServices);
  }

  /** A copy naming the services given on the command line (activating their profiles). */
  public ProjectOptions withCommandLineServices(List<String> services) {
    return new ProjectOptions(
        configFiles,
        stdinContent,
        projectName,
        projectDirectory,
        envFiles,
        profiles,
        environment,
        workingDir,
        noInterpolate,
        services);
  }
}
