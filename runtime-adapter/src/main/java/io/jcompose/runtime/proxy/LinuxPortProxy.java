package io.jcompose.runtime.proxy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.PortBinding;
import io.jcompose.runtime.api.PortPublisher;
import io.jcompose.runtime.api.PublishedPort;
import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.runtime.api.RuntimePaths;
import io.jcompose.runtime.network.AtomicFiles;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The userland port proxy ({@link PortPublisher}): one Vert.x TCP server or UDP socket per
 * published port, with the nftables DNAT fast path of {@link PortDnat} in front where nft is
 * installed (the listeners stay: they reserve the port and serve what DNAT does not). Operations
 * run one after another so that two containers can never both get a port (Vert.x would otherwise
 * share one listening port between servers of the same instance).
 */
public final class LinuxPortProxy implements PortPublisher {
  private static final System.Logger LOG = System.getLogger(LinuxPortProxy.class.getName());
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private final Vertx vertx;
  private final Path dir;
  private final Map<String, List<Open>> open = new ConcurrentHashMap<>();
  private final PortDnat dnat = new PortDnat();
  private Future<?> tail = Future.succeededFuture();

  private record Open(PublishedPort port, Forwarder forwarder) {}

  /** A proxy whose state lives under {@code <run dir>/network/ports}. */
  public LinuxPortProxy(Vertx vertx, RuntimePaths paths) {
    this.vertx = vertx;
    // Volatile like the containers they forward to: after a reboot nothing is re-published.
    this.dir = paths.run().resolve("network").resolve("ports");
  }

  @Override
  public Future<Void> start() {
    return serial(
        () -> {
          List<Future<Void>> all = new ArrayList<>();
          for (PortState state : load()) {
            all.add(reopen(state));
          }
          return Future.join(all).mapEmpty();
        });
  }

  @Override
  public Future<Void> stop() {
    return serial(
        () -> {
          // The kernel's rules go with the listeners: a stopped proxy reserves no port, so it must
          // not forward one either (start() puts both back).
          List<String> containers = List.copyOf(open.keySet());
          return vertx
              .executeBlocking(
                  () -> {
                    containers.forEach(dnat::remove);
                    return null;
                  })
              .transform(
                  x -> {
                    List<Future<Void>> all = new ArrayList<>();
                    open.values()
                        .forEach(list -> list.forEach(o -> all.add(o.forwarder().close())));
                    open.clear();
                    return Future.join(all).mapEmpty();
                  });
        });
  }

  @Override
  public Future<List<PublishedPort>> publish(
      String containerId, String containerAddress, List<PortBinding> bindings) {
    return serial(
        () -> {
          if (open.containsKey(containerId)) {
            return Future.failedFuture(
                new ConflictException(
                    "container " + containerId + " already publishes ports; unpublish first"));
          }
          List<PortRequests.Request> requests;
          try {
            requests = PortRequests.expand(containerId, bindings);
          } catch (RuntimeFailure e) {
            return Future.failedFuture(e);
          }
          List<Open> opened = new ArrayList<>();
          Future<Void> chain = Future.succeededFuture();
          for (PortRequests.Request r : requests) {
            chain = chain.compose(v -> openFirstFree(containerId, containerAddress, r, 0, opened));
          }
          return chain
              .compose(
                  v -> {
                    List<PublishedPort> ports = opened.stream().map(Open::port).toList();
                    return vertx
                        .executeBlocking(
                            () -> {
                              save(new PortState(containerId, ports));
                              dnat.install(containerId, ports);
                              return ports;
                            })
                        .onSuccess(p -> open.put(containerId, List.copyOf(opened)));
                  })
              .recover(
                  e -> {
                    List<Future<Void>> closing = new ArrayList<>();
                    opened.forEach(o -> closing.add(o.forwarder().close()));
                    return Future.join(closing).transform(x -> Future.failedFuture(e));
                  });
        });
  }

  @Override
  public Future<List<PublishedPort>> published(String containerId) {
    List<Open> list = open.getOrDefault(containerId, List.of());
    return Future.succeededFuture(list.stream().map(Open::port).toList());
  }

  @Override
  public Future<Void> unpublish(String containerId) {
    return serial(
        () -> {
          List<Open> list = open.remove(containerId);
          if (list == null) {
            delete(containerId);
            return Future.succeededFuture();
          }
          // The kernel's rules go first, so no connection is forwarded past a closed listener, and
          // before the state file, so a crash in between leaves a table the next start replaces.
          return vertx
              .executeBlocking(
                  () -> {
                    dnat.remove(containerId);
                    delete(containerId);
                    return null;
                  })
              .transform(
                  x -> {
                    List<Future<Void>> closing = new ArrayList<>();
                    list.forEach(o -> closing.add(o.forwarder().close()));
                    return Future.join(closing).mapEmpty();
                  });
        });
  }

  private Future<Void> openFirstFree(
      String containerId, String address, PortRequests.Request r, int index, List<Open> opened) {
    int hostPort = r.candidates().get(index);
    boolean last = index == r.candidates().size() - 1;
    String ownHolder = hostPort == 0 ? null : ownHolder(hostPort, r.hostIp(), r.protocol(), opened);
    Future<Forwarder> listening =
        ownHolder != null
            ? Future.failedFuture(new ConflictException(ownHolder))
            : r.protocol().equals("udp")
                ? UdpForwarder.listen(vertx, r.hostIp(), hostPort, address, r.containerPort())
                : TcpForwarder.listen(vertx, r.hostIp(), hostPort, address, r.containerPort());
    return listening
        .map(
            f -> {
              opened.add(
                  new Open(
                      new PublishedPort(
                          r.hostIp(), f.port(), address, r.containerPort(), r.protocol()),
                      f));
              return (Void) null;
            })
        .recover(
            e -> {
              if (!last) {
                return openFirstFree(containerId, address, r, index + 1, opened);
              }
              // Finding the holder scans /proc: keep it off the event loop.
              return vertx
                  .executeBlocking(() -> inUse(containerId, r, hostPort, ownHolder, e))
                  .compose(Future::failedFuture);
            });
  }

  private RuntimeFailure inUse(
      String containerId, PortRequests.Request r, int hostPort, String ownHolder, Throwable e) {
    String ip = r.hostIp().contains(":") ? "[" + r.hostIp() + "]" : r.hostIp();
    String where = ip + ":" + hostPort + "/" + r.protocol();
    String holder = ownHolder != null ? ownHolder : PortHolder.describe(hostPort, r.protocol());
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    if (ownHolder == null && !message.contains("in use")) {
      return new RuntimeFailure(
          "container " + containerId + ": cannot publish " + where + ": " + message, e);
    }
    return new ConflictException(
        "container "
            + containerId
            + ": host port "
            + where
            + " is already in use"
            + (holder == null ? "" : " by " + holder)
            + "; stop it or publish another host port");
  }

  /** Another container of this proxy holding the port, described; null when none does. */
  private String ownHolder(int port, String ip, String protocol, List<Open> pending) {
    for (Map.Entry<String, List<Open>> e : open.entrySet()) {
      for (Open o : e.getValue()) {
        if (clash(o.port(), port, ip, protocol)) {
          return "container " + e.getKey() + " (published by jcompose)";
        }
      }
    }
    for (Open o : pending) {
      if (clash(o.port(), port, ip, protocol)) {
        return "another port of the same container";
      }
    }
    return null;
  }

  private static boolean clash(PublishedPort p, int port, String ip, String protocol) {
    return p.hostPort() == port
        && p.protocol().equals(protocol)
        && (p.hostIp().equals(ip) || wildcard(p.hostIp()) || wildcard(ip));
  }

  // "::" listens on IPv4 too (the kernel's default, net.ipv6.bindv6only=0), so it clashes with
  // every address as 0.0.0.0 does; Vert.x would not see that, it shares servers by host string.
  private static boolean wildcard(String ip) {
    return ip.equals("0.0.0.0") || ip.equals("::") || ip.equals("0:0:0:0:0:0:0:0");
  }

  private Future<Void> reopen(PortState state) {
    List<Open> opened = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (PublishedPort p : state.ports()) {
      chain =
          chain.compose(
              v ->
                  (p.protocol().equals("udp")
                          ? UdpForwarder.listen(
                              vertx,
                              p.hostIp(),
                              p.hostPort(),
                              p.containerAddress(),
                              p.containerPort())
                          : TcpForwarder.listen(
                              vertx,
                              p.hostIp(),
                              p.hostPort(),
                              p.containerAddress(),
                              p.containerPort()))
                      .map(
                          f -> {
                            opened.add(new Open(p, f));
                            return (Void) null;
                          }));
    }
    // The table survived the restart in the kernel; replacing it restores exactly what publish
    // wrote. When a listener cannot come back, the table goes too: its port may have a new holder.
    return chain
        .compose(
            v ->
                vertx.executeBlocking(
                    () -> {
                      dnat.install(state.containerId(), state.ports());
                      return null;
                    }))
        .<Void>mapEmpty()
        .onSuccess(v -> open.put(state.containerId(), List.copyOf(opened)))
        .recover(
            e -> {
              LOG.log(
                  Level.WARNING,
                  "container "
                      + state.containerId()
                      + ": cannot re-open published ports: "
                      + e.getMessage());
              opened.forEach(o -> o.forwarder().close());
              return vertx.executeBlocking(
                  () -> {
                    dnat.remove(state.containerId());
                    return null;
                  });
            });
  }

  private synchronized <T> Future<T> serial(Supplier<Future<T>> op) {
    Future<T> next = tail.transform(ignored -> op.get());
    tail = next;
    return next;
  }

  private List<PortState> load() {
    List<PortState> result = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return result;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        result.add(JSON.readValue(f.toFile(), PortState.class));
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot read published ports in " + dir + ": " + e.getMessage());
    }
    return result;
  }

  private void save(PortState state) {
    try {
      AtomicFiles.write(
          dir.resolve(state.containerId() + ".json"),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
    } catch (IOException e) {
      throw new RuntimeFailure("cannot encode published ports: " + e.getMessage(), e);
    }
  }

  private void delete(String containerId) {
    try {
      Files.deleteIfExists(dir.resolve(containerId + ".json"));
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot delete " + containerId + ".json: " + e.getMessage());
    }
  }
}
