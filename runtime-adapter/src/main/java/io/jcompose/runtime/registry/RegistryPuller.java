package io.jcompose.runtime.registry;

import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.ImagePuller;
import io.jcompose.runtime.api.ImageReference;
import io.jcompose.runtime.api.ImageStore;
import io.jcompose.runtime.api.Platform;
import io.jcompose.runtime.api.PullProgress;
import io.jcompose.runtime.api.PullProgress.Phase;
import io.jcompose.runtime.api.PullerOptions;
import io.jcompose.runtime.api.RegistryCredentials;
import io.jcompose.runtime.api.RuntimeFailure;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The registry {@link ImagePuller}: manifest resolution and blob downloads run on bounded pools of
 * blocking workers (java.net.http streams each body to disk chunk by chunk), the steps are chained
 * as Vert.x futures, and the image store gets verified blobs and finally the manifest to register.
 * Use {@link io.jcompose.runtime.api.ImagePullers} to create one.
 */
public final class RegistryPuller implements ImagePuller {

  private final Vertx vertx;
  private final ImageStore store;
  private final PullerOptions options;
  private volatile HttpClient http;
  private final BlockingWork requests;
  private final BlockingWork downloads;
  private final ManifestResolver resolver;
  private final BlobDownloader downloader;
  private final Map<String, Future<Void>> inFlight = new ConcurrentHashMap<>();

  /** A puller into {@code store}; prefer {@code ImagePullers.create}. */
  public RegistryPuller(Vertx vertx, ImageStore store, PullerOptions options) {
    this.vertx = vertx;
    this.store = store;
    this.options = options;
    this.requests = new BlockingWork("jcompose-registry", 4);
    this.downloads = new BlockingWork("jcompose-download", options.maxConcurrentDownloads());
    this.resolver = new ManifestResolver(options.maxAttempts(), options.firstBackoff());
    this.downloader =
        new BlobDownloader(options.maxAttempts(), options.firstBackoff(), options.stallTimeout());
  }

  @Override
  public Future<Image> pull(String reference, Platform platform, Consumer<PullProgress> progress) {
    ImageReference ref;
    try {
      ref = ImageReference.parse(reference);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new RuntimeFailure(e.getMessage(), e));
    }
    Context context = vertx.getOrCreateContext();
    PullEvents events = new PullEvents(reference, progress);
    String what = ref.familiar();
    events.image(Phase.RESOLVING);
    return requests
        .submit(
            context,
            () -> {
              RegistryClient client = client(ref.registry(), null);
              return new Pull(client, resolver.resolve(client, ref, platform, what));
            })
        .compose(
            pull ->
                fetchBlobs(context, pull, ref, events, what)
                    .compose(v -> storeManifest(context, pull.resolved()))
                    .compose(
                        v -> {
                          events.image(Phase.EXTRACTING);
                          return store.registerManifest(ref.toString(), pull.resolved().digest());
                        }))
        .onSuccess(image -> events.image(Phase.DONE));
  }

  private record Pull(RegistryClient client, ManifestResolver.Resolved resolved) {}

  private RegistryClient client(String registry, RegistryCredentials login) {
    Optional<RegistryCredentials> credentials =
        login != null ? Optional.of(login) : options.auth().credentialsFor(registry);
    return new RegistryClient(
        registry, options.registries().isInsecure(registry), http(), credentials);
  }

  // Made on the first pull: building it loads the TLS stack (a few hundred classes), which
  // every daemon start paid before, pull or not.
  private HttpClient http() {
    HttpClient client = http;
    if (client == null) {
      synchronized (this) {
        client = http;
        if (client == null) {
          client =
              HttpClient.newBuilder()
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .connectTimeout(Duration.ofSeconds(15))
                  .build();
          http = client;
        }
      }
    }
    return client;
  }

  private Future<Void> fetchBlobs(
      Context context, Pull pull, ImageReference ref, PullEvents events, String what) {
    ManifestDocument.Image image = pull.resolved().image();
    Map<String, Descriptor> blobs = new LinkedHashMap<>();
    blobs.put(image.config().digest(), image.config());
    image.layers().forEach(layer -> blobs.putIfAbsent(layer.digest(), layer));
    AtomicBoolean failed = new AtomicBoolean();
    List<Future<Void>> all = new ArrayList<>();
    for (Descriptor blob : blobs.values()) {
      String label = what + ": " + (blob == image.config() ? "config " : "layer ") + blob.shortId();
      all.add(
          fetchBlob(context, pull.client(), ref, blob, label, events, failed)
              .onFailure(e -> failed.set(true)));
    }
    // join, not all: wait until every download has stopped and removed its partial file.
    return Future.join(all)
        .transform(
            ar -> ar.succeeded() ? Future.succeededFuture() : Future.failedFuture(cause(all)));
  }

  private Future<Void> fetchBlob(
      Context context,
      RegistryClient client,
      ImageReference ref,
      Descriptor blob,
      String label,
      PullEvents events,
      AtomicBoolean failed) {
    return store
        .hasBlob(blob.digest())
        .compose(
            present -> {
              if (present) {
                events.blob(blob, Phase.ALREADY_EXISTS, blob.size());
                return Future.succeededFuture();
              }
              events.blob(blob, Phase.WAITING, 0);
              // Pulls running at once share the download of a common layer, as docker does.
              Promise<Void> mine = Promise.promise();
              Future<Void> shared = inFlight.putIfAbsent(blob.digest(), mine.future());
              if (shared != null) {
                return shared
                    .recover(
                        e ->
                            e instanceof CancelledDownload
                                ? download(context, client, ref, blob, label, events, failed)
                                : Future.failedFuture(e))
                    .onSuccess(v -> events.blob(blob, Phase.DOWNLOADED, blob.size()));
              }
              download(context, client, ref, blob, label, events, failed)
                  .onComplete(
                      ar -> {
                        inFlight.remove(blob.digest(), mine.future());
                        mine.handle(ar);
                      });
              return mine.future().onSuccess(v -> events.blob(blob, Phase.DOWNLOADED, blob.size()));
            });
  }

  private Future<Void> download(
      Context context,
      RegistryClient client,
      ImageReference ref,
      Descriptor blob,
      String label,
      PullEvents events,
      AtomicBoolean failed) {
    Future<Void> download =
        downloads
            .submit(
                context,
                () -> {
                  if (failed.get()) {
                    throw new CancelledDownload(label);
                  }
                  Path dir = Files.createDirectories(store.downloadDir());
                  events.blob(blob, Phase.DOWNLOADING, 0);
                  return downloader.download(
                      client,
                      ref.repository(),
                      blob,
                      dir,
                      label,
                      done -> events.blob(blob, Phase.DOWNLOADING, done),
                      () -> events.blob(blob, Phase.RETRYING, 0),
                      failed::get);
                })
            .compose(
                file ->
                    store.putVerifiedBlob(blob.digest(), file).onFailure(e -> deleteQuietly(file)));
    inFlight.putIfAbsent(blob.digest(), download);
    return download.onComplete(ar -> inFlight.remove(blob.digest(), download));
  }

  private Future<Void> storeManifest(Context context, ManifestResolver.Resolved resolved) {
    return store
        .hasBlob(resolved.digest())
        .compose(
            present -> {
              if (present) {
                return Future.succeededFuture();
              }
              return requests
                  .submit(
                      context,
                      () -> {
                        Path dir = Files.createDirectories(store.downloadDir());
                        Path file = dir.resolve(UUID.randomUUID() + ".manifest");
                        try {
                          Files.write(file, resolved.bytes());
                        } catch (IOException e) {
                          deleteQuietly(file);
                          throw PullFailures.diskFull(dir, e);
                        }
                        return file;
                      })
                  .compose(
                      file ->
                          store
                              .putVerifiedBlob(resolved.digest(), file)
                              .onFailure(e -> deleteQuietly(file)));
            });
  }

  /** The failure to report: the first one that is not merely a cancelled sibling. */
  private static Throwable cause(List<Future<Void>> all) {
    Throwable first = null;
    for (Future<Void> f : all) {
      if (f.failed()) {
        if (!(f.cause() instanceof CancelledDownload)) {
          return f.cause();
        }
        first = first == null ? f.cause() : first;
      }
    }
    return first;
  }

  @Override
  public Future<Void> checkLogin(String registry, RegistryCredentials credentials) {
    return requests.submit(
        vertx.getOrCreateContext(),
        () -> {
          RegistryClient client = client(registry, credentials);
          HttpResponse<byte[]> response;
          try {
            response =
                client.get(client.uri(""), null, Map.of(), HttpResponse.BodyHandlers.ofByteArray());
          } catch (IOException e) {
            throw PullFailures.unreachable("login", client, e);
          }
          int status = response.statusCode();
          if (status == 401 || status == 403) {
            throw new RuntimeFailure(
                "login to "
                    + registry
                    + " refused for user '"
                    + credentials.username()
                    + "': wrong user name or password");
          }
          if (status != 200) {
            throw PullFailures.httpError("login", registry, status, new String(response.body()));
          }
          return null;
        });
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // The store's download directory is swept by the store; nothing else to do here.
    }
  }

  /** A download not started or stopped because a sibling failed. */
  static final class CancelledDownload extends RuntimeFailure {
    CancelledDownload(String what) {
      super(what + ": cancelled because another download of the pull failed");
    }
  }
}
