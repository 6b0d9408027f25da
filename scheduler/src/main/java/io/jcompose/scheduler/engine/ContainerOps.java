package io.jcompose.scheduler.engine;

import io.jcompose.model.api.ConfigHash;
import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.ContainerStatus;
import io.jcompose.runtime.api.Image;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The single-container steps every verb is made of: create (network first, rolled back when the
 * runtime refuses), start (ports before, DNS after), stop, remove. Each runs through the verb's
 * {@link ParallelLimiter} and reports progress.
 */
final class ContainerOps {

  private final EngineRuntime rt;
  private final Supervisor supervisor;
  private final ContainerNetworking networking;
  private final ServicePorts ports;
  private final EventHub events;

  ContainerOps(
      EngineRuntime rt,
      Supervisor supervisor,
      ContainerNetworking networking,
      ServicePorts ports,
      EventHub events) {
    this.rt = rt;
    this.supervisor = supervisor;
    this.networking = networking;
    this.ports = ports;
    this.events = events;
  }

  /** Creates a container and starts tracking it (not started). */
  Future<LiveContainer> create(
      NewContainer n, ImageResolver images, ParallelLimiter limiter, Progress progress) {
    return create(n, images, limiter, progress, false);
  }

  /**
   * As above; {@code startsAtOnce} says the caller starts it right after, with nothing to wait for,
   * so its DNS names are left answering instead of being marked stopped for that moment (two
   * network steps saved per container; the network driver runs them one at a time).
   */
  Future<LiveContainer> create(
      NewContainer n,
      ImageResolver images,
      ParallelLimiter limiter,
      Progress progress,
      boolean startsAtOnce) {
    String resource = Progress.container(n.name());
    return images
        .resolve(n.project().name(), n.service())
        .compose(
            image ->
                limiter.submit(
                    () -> {
                      progress.working(resource, "Creating");
                      return createWith(n, image, startsAtOnce);
                    }))
        .onSuccess(c -> progress.done(resource, "Created"))
        .onFailure(e -> progress.error(resource, e.getMessage()));
  }

  private Future<LiveContainer> createWith(NewContainer n, Image image, boolean startsAtOnce) {
    String netKey = randomKey();
    ContainerSpec base =
        ContainerSpecFactory.build(
            n.project(),
            n.service(),
            n.number(),
            n.name(),
            image,
            ConfigHash.of(n.service()),
            n.oneOff());
    Map<String, String> labels = new HashMap<>(base.labels());
    labels.put(ContainerNetworking.NETWORK_KEY, netKey);
    ContainerSpec spec = base.withLabels(labels);
    if (n.service().hostname() == null) {
      spec = withHostname(spec, netKey.substring(0, 12));
    }
    if (n.customize() != null) {
      spec = n.customize().apply(spec);
    }
    ContainerSpec wanted = spec;
    return networking
        .attach(n.project(), n.service(), wanted, netKey, n.joinTargetKey())
        .compose(
            joined ->
                rt.containers()
                    .create(joined)
                    .recover(
                        err ->
                            networking
                                .release(netKey)
                                .transform(ignored -> Future.<ContainerState>failedFuture(err))))
        .map(
            state -> {
              LiveContainer c =
                  new LiveContainer(
                      state.id(),
                      state.name(),
                      n.project().name(),
                      n.service().name(),
                      n.number(),
                      HealthConfigs.of(n.service(), image.config()),
                      RestartPolicy.of(n.service()),
                      ContainerRecord.fresh(state.id()),
                      n.service(),
                      netKey);
              supervisor.track(c, state, startsAtOnce);
              events.publish(c, "create", Map.of("image", state.image()));
              return c;
            });
  }

  private static ContainerSpec withHostname(ContainerSpec s, String hostname) {
    return s.withHostname(hostname);
  }

  static String randomKey() {
    byte[] b = new byte[32];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /**
   * Starts a tracked container; completes once DNS answers and ports are published. The ports open
   * before the process starts, as Docker allocates them: a host port that is taken fails the start
   * of a container that never ran, which stays created with no port open and no DNS answer.
   */
  Future<Void> start(LiveContainer c, ParallelLimiter limiter, Progress progress) {
    String resource = Progress.container(c.name);
    return limiter
        .submit(
            () -> {
              progress.working(resource, "Starting");
              return withPortsFirst(
                  c, () -> rt.containers().start(c.id).compose(st -> supervisor.started(c.id)));
            })
        .onSuccess(v -> progress.done(resource, "Started"))
        .onFailure(e -> progress.error(resource, e.getMessage()));
  }

  /**
   * Opens the container's host ports, then runs {@code start}, the runtime start of its process. A
   * taken port fails before the process runs; a failure of either leaves no port open and no DNS
   * answer for a container that is not running.
   */
  <T> Future<T> withPortsFirst(LiveContainer c, Supplier<Future<T>> start) {
    return ports
        .publish(c)
        .compose(
            published -> {
              c.published = published;
              return start.get();
            })
        .recover(e -> notStarted(c, e));
  }

  // A container created for an immediate start still answers in DNS, and its ports may be open:
  // neither may outlive a start that failed. A container that did start keeps both.
  private <T> Future<T> notStarted(LiveContainer c, Throwable failure) {
    if (c.status == ContainerStatus.RUNNING) {
      return Future.failedFuture(failure);
    }
    c.published = java.util.List.of();
    return networking.stopped(c.netKey).transform(v -> Future.failedFuture(failure));
  }

  /**
   * A one-off container whose start failed (no such command, a taken host port…) leaves nothing
   * behind with {@code --rm}: it is removed, then {@code failure} is reported.
   */
  <T> Future<T> removedAfterFailedStart(String id, boolean autoRemove, Throwable failure) {
    if (!autoRemove) {
      return Future.failedFuture(failure);
    }
    return rt.containers()
        .inspect(id)
        .compose(now -> remove(now, null, new ParallelLimiter(1), Progress.NONE))
        .transform(removed -> Future.failedFuture(failure));
  }

  /** Stops a container as a user stop (its restart policy does not bring it back). */
  Future<Void> stop(
      String id, String name, Duration grace, ParallelLimiter limiter, Progress progress) {
    String resource = Progress.container(name);
    supervisor.stoppingByUser(id);
    return limiter
        .submit(
            () -> {
              progress.working(resource, "Stopping");
              return rt.containers().stop(id, grace == null ? graceOf(id) : grace);
            })
        .<Void>mapEmpty()
        .onSuccess(
            v -> {
              LiveContainer c = supervisor.get(id);
              if (c != null) {
                events.publish(c, "stop", Map.of());
              }
              progress.done(resource, "Stopped");
            })
        .onFailure(e -> progress.error(resource, e.getMessage()));
  }

  private Duration graceOf(String id) {
    LiveContainer c = supervisor.get(id);
    return c == null || c.serviceModel == null || c.serviceModel.stopGracePeriod() == null
        ? Duration.ofSeconds(10)
        : c.serviceModel.stopGracePeriod();
  }

  /** Stops (if alive) and removes a container with its network and ports. */
  Future<Void> remove(
      ContainerState state, Duration grace, ParallelLimiter limiter, Progress progress) {
    String resource = Progress.container(state.name());
    LiveContainer live = supervisor.get(state.id());
    if (live != null) {
      live.removing = true;
    }
    Future<Void> stopped =
        state.isAlive()
            ? stop(state.id(), state.name(), grace, limiter, progress)
            : Future.succeededFuture();
    String netKey = state.labels().get(ContainerNetworking.NETWORK_KEY);
    return stopped
        .compose(
            v ->
                limiter.submit(
                    () -> {
                      progress.working(resource, "Removing");
                      return rt.containers().remove(state.id(), true);
                    }))
        .compose(v -> networking.release(netKey))
        .onSuccess(
            v -> {
              LiveContainer c = supervisor.get(state.id());
              if (c != null) {
                events.publish(c, "destroy", Map.of());
              }
              supervisor.forget(state.id());
              progress.done(resource, "Removed");
            })
        .onFailure(
            e -> {
              if (live != null) {
                live.removing = false;
                if (live.status != ContainerStatus.RUNNING) {
                  // It stopped but stays: DNS must stop answering for it after all.
                  networking.stopped(netKey);
                }
              }
              progress.error(resource, e.getMessage());
            });
  }
}
