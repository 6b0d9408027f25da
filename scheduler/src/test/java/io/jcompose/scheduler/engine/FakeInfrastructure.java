package io.jcompose.scheduler.engine;

import io.jcompose.runtime.api.AttachSpec;
import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.Endpoint;
import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.ImageConfig;
import io.jcompose.runtime.api.ImageStore;
import io.jcompose.runtime.api.NetworkDriver;
import io.jcompose.runtime.api.NetworkInfo;
import io.jcompose.runtime.api.NetworkSpec;
import io.jcompose.runtime.api.NotFoundException;
import io.jcompose.runtime.api.PortBinding;
import io.jcompose.runtime.api.PortPublisher;
import io.jcompose.runtime.api.PublishedPort;
import io.jcompose.runtime.api.Volume;
import io.jcompose.runtime.api.VolumeStore;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory networks, volumes, images and ports for engine tests. */
final class FakeInfrastructure {

  final Map<String, NetworkInfo> networks = new ConcurrentHashMap<>();

  /** The spec each network was last created (or re-requested) with, by name. */
  final Map<String, NetworkSpec> networkSpecs = new ConcurrentHashMap<>();

  final Map<String, Volume> volumes = new ConcurrentHashMap<>();
  final Map<String, AttachSpec> attachments = new ConcurrentHashMap<>();
  final Set<String> dnsRunning = ConcurrentHashMap.newKeySet();

  /** Detached containers whose host veths the driver may still hold: until purgeDetached. */
  final Set<String> detachedNotPurged = ConcurrentHashMap.newKeySet();

  /** Containers whose DNS records were marked stopped, in call order. */
  final java.util.List<String> markedStopped = new java.util.concurrent.CopyOnWriteArrayList<>();

  final Map<String, List<PublishedPort>> published = new ConcurrentHashMap<>();

  /** Host ports another process holds, with the holder as the proxy names it: "pid 7 (nc)". */
  final Map<Integer, String> heldByOthers = new ConcurrentHashMap<>();

  final Map<String, ImageConfig> imageConfigs = new ConcurrentHashMap<>();
  final java.util.concurrent.atomic.AtomicInteger publishCalls =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Specs of network_mode: host containers given their files, by container key. */
  final Map<String, AttachSpec> hostAttachments = new ConcurrentHashMap<>();

  /** What the network driver reports as host-level warnings. */
  final List<String> networkWarnings = new java.util.concurrent.CopyOnWriteArrayList<>();

  final NetworkDriver networkDriver =
      new NetworkDriver() {
        @Override
        public List<String> warnings() {
          return List.copyOf(networkWarnings);
        }

        @Override
        public Future<NetworkInfo> create(NetworkSpec spec) {
          networkSpecs.put(spec.name(), spec);
          NetworkInfo n =
              new NetworkInfo(
                  spec.name(),
                  "br-" + spec.name(),
                  spec.subnet() != null ? spec.subnet() : "10.9.0.0/24",
                  spec.gateway() != null ? spec.gateway() : "10.9.0.1",
                  spec.internal(),
                  spec.labels(),
                  spec.ipRange(),
                  spec.mtu() > 0 ? spec.mtu() : 1500);
          networks.putIfAbsent(spec.name(), n);
          return Future.succeededFuture(networks.get(spec.name()));
        }

        @Override
        public Future<NetworkInfo> inspect(String name) {
          NetworkInfo n = networks.get(name);
          return n == null
              ? Future.failedFuture(new NotFoundException(name))
              : Future.succeededFuture(n);
        }

        @Override
        public Future<List<NetworkInfo>> list(Map<String, String> labelFilter) {
          return Future.succeededFuture(
              networks.values().stream()
                  .filter(n -> n.labels().entrySet().containsAll(labelFilter.entrySet()))
                  .toList());
        }

        @Override
        public Future<Void> remove(String name) {
          networks.remove(name);
          return Future.succeededFuture();
        }

        @Override
        public Future<Attachment> attach(AttachSpec spec) {
          attachments.put(spec.containerId(), spec);
          dnsRunning.add(spec.containerId());
          return Future.succeededFuture(attachment(spec));
        }

        @Override
        public Future<Attachment> attachHost(AttachSpec spec) {
          hostAttachments.put(spec.containerId(), spec);
          Path dir = Path.of("/run/fake", spec.containerId());
          return Future.succeededFuture(
              new Attachment(
                  null,
                  List.of(),
                  dir.resolve("hosts"),
                  dir.resolve("resolv.conf"),
                  dir.resolve("hostname")));
        }

        private Attachment attachment(AttachSpec spec) {
          List<Endpoint> eps = new ArrayList<>();
          int i = 0;
          for (var e : spec.endpoints()) {
            eps.add(
                new Endpoint(
                    e.network(),
                    "eth" + i++,
                    "10.9.0." + (10 + attachments.size()),
                    "02:00:00:00:00:01",
                    "10.9.0.1",
                    e.aliases()));
          }
          return new Attachment(Path.of("/run/netns/" + spec.containerId()), eps, null, null, null);
        }

        @Override
        public Future<Attachment> join(String containerId, String targetContainerId) {
          AttachSpec target = attachments.get(targetContainerId);
          if (target == null) {
            return Future.failedFuture(new NotFoundException("no attachment " + targetContainerId));
          }
          attachments.put(containerId, target);
          return Future.succeededFuture(attachment(target));
        }

        @Override
        public Future<Attachment> attachment(String containerId) {
          AttachSpec spec = attachments.get(containerId);
          return spec == null
              ? Future.failedFuture(new NotFoundException("no attachment " + containerId))
              : Future.succeededFuture(attachment(spec));
        }

        @Override
        public Future<Void> detach(String containerId) {
          hostAttachments.remove(containerId);
          attachments.remove(containerId);
          dnsRunning.remove(containerId);
          detachedNotPurged.add(containerId);
          return Future.succeededFuture();
        }

        @Override
        public Future<Void> purgeDetached() {
          detachedNotPurged.clear();
          return Future.succeededFuture();
        }

        @Override
        public Future<Void> markRunning(String containerId) {
          dnsRunning.add(containerId);
          return Future.succeededFuture();
        }

        @Override
        public Future<Void> markStopped(String containerId) {
          markedStopped.add(containerId);
          dnsRunning.remove(containerId);
          return Future.succeededFuture();
        }
      };

  final VolumeStore volumeStore =
      new VolumeStore() {
        @Override
        public Future<Volume> create(String name, Map<String, String> labels) {
          volumes.putIfAbsent(
              name, new Volume(name, Path.of("/vol/" + name), labels, Instant.now()));
          return Future.succeededFuture(volumes.get(name));
        }

        @Override
        public Future<Volume> inspect(String name) {
          Volume v = volumes.get(name);
          return v == null
              ? Future.failedFuture(new NotFoundException(name))
              : Future.succeededFuture(v);
        }

        @Override
        public Future<List<Volume>> list(Map<String, String> labelFilter) {
          return Future.succeededFuture(
              volumes.values().stream()
                  .filter(v -> v.labels().entrySet().containsAll(labelFilter.entrySet()))
                  .toList());
        }

        @Override
        public Future<Void> remove(String name) {
          volumes.remove(name);
          return Future.succeededFuture();
        }

        @Override
        public Future<List<String>> prune(Map<String, String> labelFilter) {
          return Future.succeededFuture(List.of());
        }
      };

  final ImageStore imageStore =
      new ImageStore() {
        @Override
        public Future<Image> resolve(String reference) {
          if (reference.startsWith("missing")) {
            return Future.failedFuture(new NotFoundException("no image " + reference));
          }
          return Future.succeededFuture(
              new Image(
                  "sha256:" + Integer.toHexString(reference.hashCode()),
                  List.of(reference),
                  List.of(),
                  List.of(),
                  imageConfigs.getOrDefault(reference, ImageConfig.EMPTY),
                  "amd64",
                  "linux",
                  1000,
                  null));
        }

        @Override
        public Future<List<Image>> list() {
          return Future.succeededFuture(List.of());
        }

        @Override
        public Future<Image> importRootfs(Path tar, String reference, List<String> changes) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Future<List<Image>> load(Path archive) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Future<Void> remove(String reference, boolean force) {
          return Future.succeededFuture();
        }

        @Override
        public Future<Boolean> hasBlob(String digest) {
          return Future.succeededFuture(false);
        }

        @Override
        public Future<Void> putBlob(String digest, Path file) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Path downloadDir() {
          return Path.of("/tmp");
        }

        @Override
        public Future<Image> registerManifest(String reference, String manifestDigest) {
          throw new UnsupportedOperationException();
        }
      };

  final PortPublisher ports =
      new PortPublisher() {
        @Override
        public Future<Void> start() {
          return Future.succeededFuture();
        }

        @Override
        public Future<Void> stop() {
          return Future.succeededFuture();
        }

        @Override
        public Future<List<PublishedPort>> publish(
            String containerId, String containerAddress, List<PortBinding> bindings) {
          publishCalls.incrementAndGet();
          List<PublishedPort> out = new ArrayList<>();
          for (PortBinding b : bindings) {
            String ip = b.hostIp() == null ? "0.0.0.0" : b.hostIp();
            String holder = heldByOthers.get(b.hostPortStart());
            for (var e : published.entrySet()) {
              if (b.hostPortStart() != 0
                  && e.getValue().stream().anyMatch(p -> p.hostPort() == b.hostPortStart())) {
                holder = "container " + e.getKey() + " (published by jcompose)";
              }
            }
            if (holder != null) {
              // The real proxy's wording, container named by the key it was given.
              return Future.failedFuture(
                  new ConflictException(
                      "container "
                          + containerId
                          + ": host port "
                          + ip
                          + ":"
                          + b.hostPortStart()
                          + "/"
                          + b.protocol()
                          + " is already in use by "
                          + holder
                          + "; stop it or publish another host port"));
            }
            int host = b.hostPortStart() == 0 ? 40000 + published.size() : b.hostPortStart();
            out.add(
                new PublishedPort(
                    ip, host, containerAddress, b.containerPortStart(), b.protocol()));
          }
          published.put(containerId, out);
          return Future.succeededFuture(out);
        }

        @Override
        public Future<List<PublishedPort>> published(String containerId) {
          return Future.succeededFuture(published.getOrDefault(containerId, List.of()));
        }

        @Override
        public Future<Void> unpublish(String containerId) {
          published.remove(containerId);
          return Future.succeededFuture();
        }
      };
}
