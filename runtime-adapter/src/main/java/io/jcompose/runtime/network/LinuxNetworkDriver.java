package io.jcompose.runtime.network;

import static java.util.concurrent.TimeUnit.SECONDS;

import io.jcompose.runtime.api.AttachSpec;
import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.NetworkDriver;
import io.jcompose.runtime.api.NetworkInfo;
import io.jcompose.runtime.api.NetworkOptions;
import io.jcompose.runtime.api.NetworkSpec;
import io.jcompose.runtime.api.RuntimePaths;
import io.jcompose.runtime.dns.DnsServer;
import io.jcompose.runtime.dns.HostResolvers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The Linux {@link NetworkDriver}: bridges, veth endpoints in bind-mounted namespaces, IPAM,
 * nftables/iptables rules and a DNS server on every gateway. Kernel and disk work runs on a small
 * worker pool: endpoints of different containers are set up and torn down side by side ({@link
 * AttachmentRegistry} allocates under a short lock), while creating or removing a network excludes
 * every endpoint operation, so a bridge exists before its first endpoint and goes after its last.
 * DNS runs on the event loop.
 */
public final class LinuxNetworkDriver implements NetworkDriver {
  /**
   * Endpoint operations in flight at once. Each is mostly syscalls that take the kernel's rtnl lock
   * in turn, so a few overlap the waits (namespace creation, thread hand-offs) without crowding the
   * daemon's other workers.
   */
  static final int PARALLELISM = 4;

  private final Vertx vertx;
  private final WorkerExecutor worker;

  /** Read: endpoint work and lookups. Write: network create/remove and re-adoption. */
  private final ReadWriteLock topology = new ReentrantReadWriteLock();

  private final NetworkRegistry networks;
  private final AttachmentRegistry attachments;
  private final DnsServer dns;
  private final NatRules nat;
  private final StateStore store;
  private final java.nio.file.Path hostResolvConf;

  /** A driver with its state under {@code paths}; call {@link #start()} before use. */
  public LinuxNetworkDriver(Vertx vertx, RuntimePaths paths, NetworkOptions options) {
    this(vertx, paths, options, new NatRules());
  }

  /** With the given packet filter rules (a test takes neither nft nor iptables as installed). */
  LinuxNetworkDriver(Vertx vertx, RuntimePaths paths, NetworkOptions options, NatRules nat) {
    this.vertx = vertx;
    this.nat = nat;
    this.worker =
        vertx.createSharedWorkerExecutor("jcompose-network-" + UUID.randomUUID(), PARALLELISM);
    this.store = new StateStore(paths.networks(), paths.run().resolve("network"));
    this.hostResolvConf = options.hostResolvConf();
    this.networks = new NetworkRegistry(store, nat, HostRoutes.system());
    this.dns =
        new DnsServer(
            vertx,
            options.dnsPort(),
            () -> HostResolvers.read(options.hostResolvConf()),
            options.upstreamPort());
    this.attachments = new AttachmentRegistry(store, paths.netns(), networks, dns::update);
  }

  /** The DNS server of the networks (for tests and the daemon's diagnostics). */
  public DnsServer dns() {
    return dns;
  }

  @Override
  public List<String> warnings() {
    return nat.degraded().stream().toList();
  }

  @Override
  public Future<Void> start() {
    return exclusive(
            () -> {
              networks.readopt();
              attachments.readopt();
              return List.copyOf(networks.all());
            })
        .compose(
            all -> {
              List<Future<Void>> listening = new ArrayList<>();
              all.forEach(n -> listening.add(dns.listen(n.name(), n.gateway())));
              return Future.all(listening).mapEmpty();
            });
  }

  @Override
  public Future<Void> stop() {
    return dns.closeAll().eventually(() -> worker.close());
  }

  @Override
  public Future<NetworkInfo> create(NetworkSpec spec) {
    return exclusive(() -> networks.create(spec))
        .compose(
            n ->
                dns.listen(n.name(), n.gateway())
                    .map(v -> n.info())
                    // Without its DNS server the network is useless: leave nothing behind.
                    .recover(
                        e ->
                            exclusive(
                                    () -> {
                                      if (attachments.containersOn(n.name()).isEmpty()) {
                                        networks.remove(n, List.of());
                                      }
                                      return null;
                                    })
                                .transform(x -> Future.failedFuture(e))));
  }

  @Override
  public Future<NetworkInfo> inspect(String name) {
    return blocking(() -> networks.get(name).info());
  }

  @Override
  public Future<List<NetworkInfo>> list(Map<String, String> labelFilter) {
    return blocking(
        () ->
            networks.all().stream()
                .filter(n -> n.labels().entrySet().containsAll(labelFilter.entrySet()))
                .map(NetworkState::info)
                .toList());
  }

  @Override
  public Future<Void> remove(String name) {
    return exclusive(
        () -> {
          NetworkState n = networks.get(name);
          List<String> users = attachments.containersOn(name);
          if (!users.isEmpty()) {
            throw new ConflictException(
                "network "
                    + name
                    + " is in use by "
                    + String.join(", ", users)
                    + "; stop and remove those containers first");
          }
          // All in one exclusive section: an attach in between would plug into a bridge
          // that is about to go. The DNS server closes on its event loop meanwhile.
          Future<Void> dnsClosed = dns.close(n.name());
          networks.remove(n, attachments.takeReleased(n.name()));
          dnsClosed.toCompletionStage().toCompletableFuture().get(10, SECONDS);
          return null;
        });
  }

  @Override
  public Future<Attachment> attach(AttachSpec spec) {
    return blocking(() -> attachments.attach(spec).attachment());
  }

  @Override
  public Future<Attachment> attachHost(AttachSpec spec) {
    return blocking(() -> HostModeFiles.write(store, spec, hostResolvConf));
  }

  @Override
  public Future<Attachment> join(String containerId, String targetContainerId) {
    return blocking(() -> attachments.join(containerId, targetContainerId).attachment());
  }

  @Override
  public Future<Attachment> attachment(String containerId) {
    return blocking(() -> attachments.get(containerId).attachment());
  }

  @Override
  public Future<Void> detach(String containerId) {
    return blocking(
        () -> {
          if (!attachments.detach(containerId)) {
            store.deleteContainerDir(containerId); // The files of a network_mode: host container.
          }
          return null;
        });
  }

  @Override
  public Future<Void> purgeDetached() {
    return blocking(
        () -> {
          for (Map.Entry<String, Set<String>> e : attachments.takeAllReleased().entrySet()) {
            NetworkState n = networks.get(e.getKey());
            NetworkLinks.deleteVeths(
                "network " + n.name() + ": deleting detached endpoints", n.bridge(), e.getValue());
          }
          return null;
        });
  }

  @Override
  public Future<Void> markRunning(String containerId) {
    return running(containerId, true);
  }

  @Override
  public Future<Void> markStopped(String containerId) {
    return running(containerId, false);
  }

  private Future<Void> running(String containerId, boolean value) {
    return blocking(
        () -> {
          // A network_mode: host container has files but no attachment, and no names to switch.
          if (!HostModeFiles.isHostMode(store, containerId)) {
            attachments.setRunning(containerId, value);
          }
          return null;
        });
  }

  /** Runs {@code work} on the pool beside other endpoint work (unordered: no queue behind one). */
  private <T> Future<T> blocking(Callable<T> work) {
    return worker.executeBlocking(() -> locked(topology.readLock(), work), false);
  }

  /** Runs {@code work} on the pool once no other network work runs. */
  private <T> Future<T> exclusive(Callable<T> work) {
    return worker.executeBlocking(() -> locked(topology.writeLock(), work), false);
  }

  private static <T> T locked(Lock lock, Callable<T> work) throws Exception {
    lock.lock();
    try {
      return work.call();
    } finally {
      lock.unlock();
    }
  }
}
