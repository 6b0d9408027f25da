package io.jcompose.scheduler.engine;

import io.jcompose.model.api.Project;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.NetworkInfo;
import io.jcompose.runtime.api.Volume;
import io.jcompose.scheduler.api.DownOptions;
import io.jcompose.scheduler.plan.ComposeLabels;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code down}: stops and removes containers dependents first, then the project's networks, and
 * with options its volumes and images. Goes as far as it can when a step fails, then reports the
 * first failure.
 */
final class DownVerb {

  private final EngineContext ctx;

  DownVerb(EngineContext ctx) {
    this.ctx = ctx;
  }

  Future<Void> down(String name, DownOptions options, Progress progress) {
    ParallelLimiter limiter = ctx.limiter(0);
    return ctx.project(name, options.project())
        .compose(
            project ->
                ctx.containers(name, options.services(), true)
                    .compose(
                        containers -> {
                          List<ContainerState> targets = new ArrayList<>();
                          List<String> orphans = new ArrayList<>();
                          for (ContainerState c : containers) {
                            boolean orphan =
                                project != null
                                    && project.service(ComposeLabels.service(c)) == null
                                    && !ComposeLabels.oneOff(c);
                            if (orphan && !options.removeOrphans()) {
                              orphans.add(c.name());
                            } else {
                              targets.add(c);
                            }
                          }
                          if (!orphans.isEmpty()) {
                            progress.warning(
                                "Project " + name,
                                "orphan containers "
                                    + orphans
                                    + " left running; run down with --remove-orphans to remove them");
                          }
                          Future<Void> removed =
                              ServiceOrder.run(
                                  project,
                                  targets,
                                  true,
                                  group ->
                                      ServiceOrder.each(
                                          group,
                                          c ->
                                              ctx.ops.remove(
                                                  c, options.timeout(), limiter, progress)));
                          if (!options.services().isEmpty()) {
                            // The network stays: the removed containers' veths must not.
                            return removed.eventually(this::purgeDetached);
                          }
                          // Networks, volumes and images go even when a container failed to go,
                          // so one stuck container does not leave the rest behind.
                          Future<Void> cleaned =
                              removed.transform(
                                  r ->
                                      removeNetworks(name, progress)
                                          .eventually(this::purgeDetached)
                                          .compose(
                                              v ->
                                                  options.volumes()
                                                      ? removeVolumes(name, progress)
                                                      : Future.succeededFuture())
                                          .compose(
                                              v ->
                                                  removeImages(
                                                      options, containers, project, progress))
                                          .compose(
                                              v ->
                                                  orphans.isEmpty()
                                                      ? forget(name)
                                                      : Future.succeededFuture()));
                          return cleaned.transform(
                              r ->
                                  removed.failed()
                                      ? Future.<Void>failedFuture(removed.cause())
                                      : r.succeeded()
                                          ? Future.<Void>succeededFuture()
                                          : Future.<Void>failedFuture(r.cause()));
                        }));
  }

  private Future<Void> removeNetworks(String name, Progress progress) {
    return ctx.rt
        .networks()
        .list(ComposeLabels.projectFilter(name))
        .compose(
            networks -> {
              List<Future<?>> all = new ArrayList<>();
              for (NetworkInfo n : networks) {
                String resource = "Network " + n.name();
                progress.working(resource, "Removing");
                all.add(
                    ctx.rt
                        .networks()
                        .remove(n.name())
                        .onSuccess(v -> progress.done(resource, "Removed"))
                        .onFailure(e -> progress.error(resource, e.getMessage())));
              }
              return Future.join(all).<Void>mapEmpty();
            });
  }

  // Veths of removed containers the kernel has not destroyed yet (on networks that stay, or all
  // of them when a network could not go): deleted now, so that down leaves no link behind.
  private Future<Void> purgeDetached() {
    return ctx.rt.networks().purgeDetached().recover(e -> Future.succeededFuture());
  }

  private Future<Void> removeVolumes(String name, Progress progress) {
    return ctx.rt
        .volumes()
        .list(ComposeLabels.projectFilter(name))
        .compose(
            volumes -> {
              List<Future<?>> all = new ArrayList<>();
              for (Volume v : volumes) {
                String resource = "Volume " + v.name();
                progress.working(resource, "Removing");
                all.add(
                    ctx.rt
                        .volumes()
                        .remove(v.name())
                        .onSuccess(x -> progress.done(resource, "Removed"))
                        .onFailure(e -> progress.error(resource, e.getMessage())));
              }
              return Future.join(all).<Void>mapEmpty();
            });
  }

  // --rmi all: every image a container used; --rmi local: only images without a custom tag,
  // i.e. the ones a build would have produced ({@code <project>-<service>}).
  private Future<Void> removeImages(
      DownOptions options, List<ContainerState> containers, Project project, Progress progress) {
    if (options.removeImages() == null) {
      return Future.succeededFuture();
    }
    Set<String> refs = new LinkedHashSet<>();
    for (ContainerState c : containers) {
      String service = ComposeLabels.service(c);
      boolean local =
          project != null
              && project.service(service) != null
              && project.service(service).image() == null;
      if (options.removeImages().equals("all") || local) {
        refs.add(c.image());
      }
    }
    List<Future<?>> all = new ArrayList<>();
    for (String ref : refs) {
      String resource = "Image " + ref;
      progress.working(resource, "Removing");
      all.add(
          ctx.rt
              .images()
              .remove(ref, false)
              .onSuccess(v -> progress.done(resource, "Removed"))
              .recover(
                  e -> {
                    progress.warning(resource, e.getMessage());
                    return Future.succeededFuture();
                  }));
    }
    return Future.join(all).mapEmpty();
  }

  private Future<Void> forget(String name) {
    return ctx.vertx.executeBlocking(
        () -> {
          ctx.store.deleteProject(name);
          return null;
        });
  }
}
