package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;
import io.jcompose.model.api.Project;
import io.jcompose.model.api.ProjectOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The loading stages in order: locate files, environment, read + interpolate + canonicalize +
 * include + extends + merge (see {@link ProjectAssembler}), name, profiles, bind, validate.
 * Internal; reached through {@code ProjectLoader}.
 */
public final class LoadPipeline {
  private LoadPipeline() {}

  /** Runs every stage for the options. */
  public static Project run(ProjectOptions options) throws ComposeFileException {
    Warnings warnings = new Warnings();
    Path cwd = options.workingDir();
    Map<String, String> shell = options.environment();
    Path envDir =
        options.projectDirectory() != null ? cwd.resolve(options.projectDirectory()) : cwd;
    Map<String, String> env =
        EnvironmentResolver.resolve(shell, options.envFiles(), cwd, envDir.normalize());
    List<SourceFile> files = ComposeFileLocator.locate(options, env, warnings);
    Path projectDir =
        options.projectDirectory() != null
            ? cwd.resolve(options.projectDirectory()).normalize()
            : files.get(0).directory(cwd);
    if (!projectDir.equals(envDir.normalize()) && options.envFiles().isEmpty()) {
      env = EnvironmentResolver.resolve(shell, List.of(), cwd, projectDir);
    }
    ProjectAssembler.Assembled assembled =
        new ProjectAssembler(cwd, shell, !options.noInterpolate(), warnings)
            .assemble(files, projectDir, env, List.of());
    Object nameInFile = assembled.tree().get("name");
    String name =
        ProjectNamer.name(
            options.projectName(),
            env.get("COMPOSE_PROJECT_NAME"),
            nameInFile == null ? null : nameInFile.toString(),
            files.get(files.size() - 1).displayName(),
            projectDir);
    ProfileFilter profiles =
        new ProfileFilter(
            options.profiles(), env.get("COMPOSE_PROFILES"), options.commandLineServices());
    List<String> configFiles = new ArrayList<>();
    files.forEach(f -> configFiles.add(f.recordedName()));
    Project project =
        new ProjectBinder(name, new ServiceBinder(env, !options.noInterpolate()))
            .bind(assembled, profiles, projectDir.toString(), configFiles, warnings.all());
    List<String> more =
        new ProjectValidator(project, assembled.serviceFiles(), assembled.firstFile()).validate();
    if (!more.isEmpty()) {
      List<String> all = new ArrayList<>(project.warnings());
      all.addAll(more);
      project = project.withWarnings(all);
    }
    for (String named : options.commandLineServices()) {
      if (!project.services().containsKey(named)) {
        throw new ComposeFileException(
            null,
            null,
            "no such service: "
                + named
                + Suggestions.didYouMean(named, project.services().keySet()));
      }
    }
    return project;
  }
}
