package io.jcompose.scheduler.engine;

import io.jcompose.health.api.ProbeResult;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.ContainerStatus;
import io.jcompose.runtime.api.ImageReference;
import io.jcompose.runtime.api.NotFoundException;
import io.jcompose.runtime.api.PublishedPort;
import io.jcompose.scheduler.api.ContainerDetails;
import io.jcompose.scheduler.api.ContainerStatsSample;
import io.jcompose.scheduler.api.ContainerSummary;
import io.jcompose.scheduler.api.HealthProbeRecord;
import io.jcompose.scheduler.api.ImageSummary;
import io.jcompose.scheduler.api.ListOptions;
import io.jcompose.scheduler.api.PortOptions;
import io.jcompose.scheduler.api.PortPublisher;
import io.jcompose.scheduler.api.PsOptions;
import io.jcompose.scheduler.api.StackSummary;
import io.jcompose.scheduler.api.StatsOptions;
import io.jcompose.scheduler.plan.ComposeLabels;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code ps}, {@code inspect}, {@code images}, {@code ls}, {@code stats}, {@code port}. */
final class QueryVerbs {

  private final EngineContext ctx;

  QueryVerbs(EngineContext ctx) {
    this.ctx = ctx;
  }

  Future<List<ContainerSummary>> ps(String name, PsOptions options) {
    return ctx.containers(name, options.services(), true)
        .compose(
            containers -> {
              List<ContainerState> shown =
                  containers.stream().filter(c -> options.all() || c.isAlive()).toList();
              List<Future<ContainerSummary>> all = new ArrayList<>();
              shown.forEach(c -> all.add(summary(c)));
              return Future.all(all).map(f -> f.<ContainerSummary>list());
            });
  }

  Future<ContainerSummary> summary(ContainerState c) {
    LiveContainer live = ctx.supervisor.get(c.id());
    Future<Integer> restarts =
        live != null
            ? Future.succeededFuture(live.record.restartCount())
            : ctx.vertx.executeBlocking(
                () -> ctx.store.load(c.id()).map(ContainerRecord::restartCount).orElse(0));
    Future<List<PublishedPort>> ports = published(c, live);
    String health = live == null ? "" : live.healthWord();
    // Between an exit and the policy's restart the runtime says exited; docker says restarting.
    ContainerState shown =
        live != null && live.status == ContainerStatus.RESTARTING && !c.isAlive()
            ? new ContainerState(
                c.id(),
                c.name(),
                c.image(),
                c.labels(),
                ContainerStatus.RESTARTING,
                c.pid(),
                c.exitCode(),
                c.oomKilled(),
                c.createdAt(),
                c.startedAt(),
                c.finishedAt())
            : c;
    return Future.all(restarts, ports)
        .map(
            both -> {
              List<PortPublisher> publishers = new ArrayList<>();
              for (PublishedPort p : ports.result()) {
                publishers.add(
                    new PortPublisher(p.hostIp(), p.containerPort(), p.hostPort(), p.protocol()));
              }
              String command =
                  live == null || live.serviceModel == null || live.serviceModel.command() == null
                      ? ""
                      : String.join(" ", live.serviceModel.command());
              return new ContainerSummary(
                  c.id(),
                  c.name(),
                  c.image(),
                  command,
                  c.labels().getOrDefault(ComposeLabels.PROJECT, ""),
                  ComposeLabels.service(c),
                  ComposeLabels.number(c),
                  ComposeLabels.oneOff(c),
                  c.createdAt(),
                  shown.status().word(),
                  StatusText.of(shown, health, Instant.now()),
                  c.status() == ContainerStatus.RUNNING ? health : "",
                  c.exitCode(),
                  restarts.result(),
                  publishers,
                  c.labels());
            });
  }

  private Future<List<PublishedPort>> published(ContainerState c, LiveContainer live) {
    if (!c.isAlive()) {
      return Future.succeededFuture(List.of());
    }
    if (live != null && !live.published.isEmpty()) {
      return Future.succeededFuture(live.published);
    }
    String key = c.labels().get(ContainerNetworking.NETWORK_KEY);
    if (ctx.rt.ports() == null || key == null) {
      return Future.succeededFuture(List.of());
    }
    return ctx.rt.ports().published(key).recover(e -> Future.succeededFuture(List.of()));
  }

  Future<ContainerDetails> inspect(String name, String containerName) {
    return ctx.containers(name, List.of(), true)
        .compose(
            containers -> {
              ContainerState c =
                  containers.stream()
                      .filter(
                          x -> x.name().equals(containerName) || x.id().startsWith(containerName))
                      .findFirst()
                      .orElse(null);
              if (c == null) {
                return Future.failedFuture(
                    new NotFoundException(
                        "no container "
                            + containerName
                            + " in project "
                            + name
                            + "; jcompose ps -a lists them"));
              }
              LiveContainer live = ctx.supervisor.get(c.id());
              List<HealthProbeRecord> log = new ArrayList<>();
              int streak = 0;
              if (live != null && live.monitor != null) {
                for (ProbeResult r : live.monitor.log()) {
                  log.add(new HealthProbeRecord(r.start(), r.end(), r.exitCode(), r.output()));
                }
                streak = live.monitor.failingStreak();
              }
              int failing = streak;
              Future<Map<String, String>> networks =
                  c.labels().get(ContainerNetworking.NETWORK_KEY) == null || !c.isAlive()
                      ? Future.succeededFuture(Map.of())
                      : ctx.rt
                          .networks()
                          .attachment(c.labels().get(ContainerNetworking.NETWORK_KEY))
                          .map(
                              a -> {
                                Map<String, String> m = new TreeMap<>();
                                a.endpoints().forEach(e -> m.put(e.network(), e.ipv4Address()));
                                return (Map<String, String>) m;
                              })
                          .recover(e -> Future.succeededFuture(Map.of()));
              return Future.all(summary(c), networks)
                  .map(
                      both ->
                          new ContainerDetails(
                              both.resultAt(0),
                              c.pid(),
                              c.startedAt(),
                              c.finishedAt(),
                              c.oomKilled(),
                              failing,
                              log,
                              both.resultAt(1)));
            });
  }

  Future<List<ImageSummary>> images(String name, List<String> services) {
    return ctx.containers(name, services, true)
        .compose(
            containers -> {
              List<Future<ImageSummary>> all = new ArrayList<>();
              for (ContainerState c : containers) {
                all.add(
                    ctx.rt
                        .images()
                        .resolve(c.image())
                        .map(
                            img -> {
                              ImageReference ref = ImageReference.parse(c.image());
                              String familiar = ref.familiar();
                              String repo =
                                  ref.tag() == null
                                      ? familiar
                                      : familiar.substring(
                                          0, familiar.length() - ref.tag().length() - 1);
                              return new ImageSummary(
                                  c.name(), repo, ref.tag(), img.id(), img.sizeBytes());
                            }));
              }
              return Future.all(all).map(f -> f.<ImageSummary>list());
            });
  }

  Future<List<StackSummary>> ls(ListOptions options) {
    return ctx.rt
        .containers()
        .list(Map.of())
        .map(
            containers -> {
              Map<String, Map<String, Integer>> states = new TreeMap<>();
              Map<String, String> files = new HashMap<>();
              for (ContainerState c : containers) {
                String project = c.labels().get(ComposeLabels.PROJECT);
                if (project == null) {
                  continue;
                }
                states
                    .computeIfAbsent(project, k -> new TreeMap<>())
                    .merge(c.status().word(), 1, Integer::sum);
                files.putIfAbsent(project, c.labels().getOrDefault(ComposeLabels.CONFIG_FILES, ""));
              }
              List<StackSummary> out = new ArrayList<>();
              states.forEach(
                  (project, counts) -> {
                    if (options.all() || counts.containsKey("running")) {
                      List<String> parts = new ArrayList<>();
                      counts.forEach((state, n) -> parts.add(state + "(" + n + ")"));
                      out.add(
                          new StackSummary(project, String.join(", ", parts), files.get(project)));
                    }
                  });
              return out;
            });
  }

  Future<List<ContainerStatsSample>> stats(String name, StatsOptions options) {
    return ctx.containers(name, options.services(), false)
        .compose(
            containers -> {
              List<Future<ContainerStatsSample>> all = new ArrayList<>();
              for (ContainerState c : containers) {
                if (!c.isAlive()) {
                  if (options.all()) {
                    all.add(
                        Future.succeededFuture(
                            new ContainerStatsSample(c.id(), c.name(), Instant.now(), 0, 0, 0, 0)));
                  }
                  continue;
                }
                all.add(
                    ctx.rt
                        .containers()
                        .stats(c.id())
                        .map(
                            s ->
                                new ContainerStatsSample(
                                    c.id(),
                                    c.name(),
                                    Instant.now(),
                                    s.cpuNanos(),
                                    s.memoryBytes(),
                                    s.memoryLimitBytes(),
                                    s.pids())));
              }
              return Future.all(all).map(f -> f.<ContainerStatsSample>list());
            });
  }

  Future<String> port(String name, PortOptions options) {
    return ctx.containers(name, List.of(options.service()), false)
        .compose(
            containers -> {
              ContainerState c = pick(containers, options.service(), options.index());
              return published(c, ctx.supervisor.get(c.id()))
                  .compose(ports -> address(ports, options));
            });
  }

  // docker compose prints HOST_IP:PORT; an IPv6 address gets brackets so the port stays apart.
  private static Future<String> address(List<PublishedPort> ports, PortOptions options) {
    for (PublishedPort p : ports) {
      if (p.containerPort() == options.privatePort() && p.protocol().equals(options.protocol())) {
        String ip = p.hostIp().contains(":") ? "[" + p.hostIp() + "]" : p.hostIp();
        return Future.succeededFuture(ip + ":" + p.hostPort());
      }
    }
    List<String> known =
        ports.stream().map(p -> p.containerPort() + "/" + p.protocol()).distinct().toList();
    return Future.failedFuture(
        new NotFoundException(
            "service "
                + options.service()
                + " does not publish port "
                + options.privatePort()
                + "/"
                + options.protocol()
                + (known.isEmpty()
                    ? "; it publishes no ports"
                    : "; it publishes " + String.join(", ", known))));
  }

  /** The container of a service with that replica number (0: the first running one). */
  static ContainerState pick(List<ContainerState> containers, String service, int index) {
    return containers.stream()
        .filter(c -> index > 0 ? ComposeLabels.number(c) == index : c.isAlive())
        .findFirst()
        .orElseThrow(
            () ->
                new NotFoundException(
                    "service \""
                        + service
                        + "\" has no "
                        + (index > 0 ? "container number " + index : "running container")
                        + "; start it with jcompose up -d "
                        + service));
  }
}
