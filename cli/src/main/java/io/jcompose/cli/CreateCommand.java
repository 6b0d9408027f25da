package io.jcompose.cli;

import io.jcompose.model.api.Project;
import io.jcompose.scheduler.api.CreateOptions;
import io.jcompose.scheduler.api.Recreate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose create}: create networks, volumes and containers without starting them. */
@Command(name = "create", description = "Create containers for a service.", sortOptions = false)
final class CreateCommand extends ProjectCommand {

  @Option(names = "--force-recreate", description = "Recreate containers even if unchanged.")
  boolean forceRecreate;

  @Option(names = "--no-recreate", description = "Never recreate existing containers.")
  boolean noRecreate;

  @Option(names = "--remove-orphans", description = "Remove containers of services not defined.")
  boolean removeOrphans;

  @Option(names = "--scale", paramLabel = "SERVICE=NUM", description = "Scale SERVICE to NUM.")
  Map<String, Integer> scale = new LinkedHashMap<>();

  @Option(
      names = "--pull",
      paramLabel = "POLICY",
      description = "Pull images: always|missing|never.")
  String pull;

  @Parameters(paramLabel = "SERVICE", description = "Services (default: all).")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() {
    if (forceRecreate && noRecreate) {
      throw UpCommand.usage("--force-recreate and --no-recreate are incompatible");
    }
    Project project = project(services);
    Recreate recreate =
        forceRecreate ? Recreate.FORCE : noRecreate ? Recreate.NEVER : Recreate.DIVERGED;
    CreateOptions options =
        new CreateOptions(
            services,
            scale,
            recreate,
            Recreate.DIVERGED,
            removeOrphans,
            false,
            pull,
            null,
            Math.max(0, globals().parallelLimit()));
    withProgress(project.name(), "create", "Running", body("project", project, "options", options));
    return ExitCodes.OK;
  }
}
