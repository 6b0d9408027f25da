package io.jcompose.cli;

import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose pull}: pull the images of the project's services. */
@Command(name = "pull", description = "Pull service images.")
final class PullCommand extends ProjectCommand {

  @Option(names = "--ignore-pull-failures", description = "Pull what it can and ignore failures.")
  boolean ignoreFailures;

  @Option(
      names = {"-q", "--quiet"},
      description = "Pull without printing progress information.")
  boolean quiet;

  @Option(
      names = "--include-deps",
      description = "Also pull the services the named ones depend on.")
  boolean includeDeps;

  @Parameters(paramLabel = "SERVICE", description = "Services (default: all).")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() {
    Project project = project(services);
    Set<String> wanted = includeDeps ? withDependencies(project, services) : Set.copyOf(services);
    Set<String> images = new LinkedHashSet<>();
    project
        .services()
        .forEach(
            (name, service) -> {
              if ((wanted.isEmpty() || wanted.contains(name)) && imageOf(service) != null) {
                images.add(imageOf(service));
              }
            });
    try (var view = progressView("Pulling")) {
      for (String image : images) {
        try {
          daemon()
              .call(
                  "image/pull", body("reference", image), e -> route(e, quiet ? null : view, null));
        } catch (RuntimeException e) {
          if (!ignoreFailures) {
            throw e;
          }
          err().println("jcompose: " + image + ": " + e.getMessage());
        }
      }
    }
    return ExitCodes.OK;
  }

  /** The named services and, transitively, every service they depend on. */
  static Set<String> withDependencies(Project project, List<String> named) {
    Set<String> all = new LinkedHashSet<>();
    ArrayDeque<String> todo = new ArrayDeque<>(named);
    while (!todo.isEmpty()) {
      String name = todo.pop();
      Service service = project.services().get(name);
      if (all.add(name) && service != null) {
        todo.addAll(service.dependsOn().keySet());
      }
    }
    return all;
  }

  private static String imageOf(Service service) {
    return service.image();
  }
}
