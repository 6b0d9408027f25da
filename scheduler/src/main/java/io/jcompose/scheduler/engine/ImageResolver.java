package io.jcompose.scheduler.engine;

import io.jcompose.model.api.Service;
import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.NotFoundException;
import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a service's image in the store, pulling it per the pull policy; each reference is resolved
 * once per verb however many replicas use it.
 */
final class ImageResolver {

  private final EngineRuntime rt;
  private final String pullOverride;
  private final Progress progress;
  private final Map<String, Future<Image>> resolved = new ConcurrentHashMap<>();

  ImageResolver(EngineRuntime rt, String pullOverride, Progress progress) {
    this.rt = rt;
    this.pullOverride = pullOverride;
    this.progress = progress;
  }

  Future<Image> resolve(String projectName, Service s) {
    String ref = s.imageOr(projectName);
    String policy = pullOverride != null ? pullOverride : s.pullPolicy();
    return resolved.computeIfAbsent(ref, r -> load(s, r, policy == null ? "missing" : policy));
  }

  private Future<Image> load(Service s, String ref, String policy) {
    if (policy.equals("always")) {
      return pull(s, ref);
    }
    return rt.images()
        .resolve(ref)
        .recover(
            err -> {
              if (!(err instanceof NotFoundException)
                  || policy.equals("never")
                  || policy.equals("build")) {
                return Future.failedFuture(
                    err instanceof NotFoundException
                        ? new NotFoundException(
                            "services."
                                + s.name()
                                + ".image: "
                                + ref
                                + " is not in the local store and pull_policy is "
                                + policy
                                + "; load it with jcompose image load or allow pulling")
                        : err);
              }
              return pull(s, ref);
            });
  }

  private Future<Image> pull(Service s, String ref) {
    if (rt.puller() == null) {
      return Future.failedFuture(
          new NotFoundException(
              "services."
                  + s.name()
                  + ".image: "
                  + ref
                  + " is not in the local store and this daemon cannot pull; load it with"
                  + " jcompose image load"));
    }
    String resource = "Image " + ref;
    progress.working(resource, "Pulling");
    return rt.puller()
        .pull(ref, new LayerProgress(progress))
        .onSuccess(i -> progress.done(resource, "Pulled"))
        .onFailure(e -> progress.error(resource, e.getMessage()));
  }
}
