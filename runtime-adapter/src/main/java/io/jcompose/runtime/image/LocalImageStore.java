package io.jcompose.runtime.image;

import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.ImageDiskUsage;
import io.jcompose.runtime.api.ImageStore;
import io.jcompose.runtime.api.NotFoundException;
import io.jcompose.runtime.api.RuntimeFailure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The built-in image store on the local disk. Blocking work runs on Vert.x worker threads; changes
 * to the image index are serialised on this object, layer unpacking runs outside that lock.
 */
public final class LocalImageStore implements ImageStore {

  private final Vertx vertx;
  private final BlobStore blobs;
  private final LayerStore layers;
  private final ImageIndex index;
  private final Predicate<String> imageInUse;
  private final ImageCommitter committer;
  private final Map<String, ImageConfigParser.Parsed> configs = new ConcurrentHashMap<>();

  /**
   * Opens (creating if needed) the store under {@code imagesRoot}; {@code imageInUse} says whether
   * a container uses an image id.
   */
  public LocalImageStore(Vertx vertx, Path imagesRoot, Predicate<String> imageInUse)
      throws IOException {
    this.vertx = vertx;
    this.blobs = new BlobStore(imagesRoot);
    this.layers = new LayerStore(imagesRoot);
    this.index = new ImageIndex(imagesRoot);
    this.imageInUse = imageInUse;
    this.committer = new ImageCommitter(blobs, layers, index, this);
  }

  @Override
  public Future<Image> resolve(String reference) {
    return blocking(() -> resolveNow(reference));
  }

  @Override
  public Future<List<Image>> list() {
    return blocking(
        () -> {
          synchronized (this) {
            List<Image> out = new ArrayList<>();
            for (ImageIndex.ImageRecord record : index.images()) {
              out.add(toImage(record));
            }
            return out;
          }
        });
  }

  @Override
  public Future<Image> importRootfs(Path tar, String reference, List<String> changes) {
    return blocking(() -> new RootfsImport(layers, committer).run(tar, reference, changes));
  }

  @Override
  public Future<List<Image>> load(Path archive) {
    return blocking(() -> new ArchiveLoader(blobs, committer).load(archive));
  }

  @Override
  public Future<Void> remove(String reference, boolean force) {
    return blocking(
        () -> {
          new ImageRemoval(blobs, layers, index, imageInUse, committer, this)
              .remove(reference, force);
          return null;
        });
  }

  @Override
  public Future<Boolean> hasBlob(String digest) {
    return blocking(() -> blobs.has(digest) || layers.unpackedFrom(digest));
  }

  @Override
  public Future<Void> putBlob(String digest, Path file) {
    return blocking(
        () -> {
          Digests.hex(digest);
          blobs.put(digest, file);
          return null;
        });
  }

  @Override
  public Path downloadDir() {
    return blobs.downloadDir();
  }

  @Override
  public Future<Image> registerManifest(String reference, String manifestDigest) {
    return blocking(
        () -> new ManifestRegistration(blobs, committer).register(reference, manifestDigest));
  }

  @Override
  public Future<ImageDiskUsage> diskUsage() {
    return blocking(
        () -> {
          synchronized (this) {
            return DiskUsage.of(index.images(), layers, blobs);
          }
        });
  }

  /** How many layer tars this store unpacked since it was opened (tests check "once"). */
  int unpackCount() {
    return layers.unpackCount();
  }

  LayerStore layers() {
    return layers;
  }

  Image resolveNow(String reference) throws IOException {
    synchronized (this) {
      String id = findId(reference);
      if (id == null) {
        throw new NotFoundException(
            "image '"
                + reference
                + "' not found; pull it, or add it with 'jcompose image load'"
                + " or 'jcompose image import'");
      }
      return toImage(index.image(id));
    }
  }

  /** The id a reference, full id or unique id prefix names, or null. Callers hold the lock. */
  String findId(String reference) {
    String key = ReferenceKeys.key(reference);
    if (key != null) {
      String id = index.lookup(key);
      if (id != null) {
        return id;
      }
    }
    String hex = reference.startsWith("sha256:") ? reference.substring(7) : reference;
    if (!hex.matches("[0-9a-f]{1,64}")) {
      return null;
    }
    List<String> matches = new ArrayList<>();
    for (ImageIndex.ImageRecord record : index.images()) {
      if (record.id().substring(7).startsWith(hex)) {
        matches.add(record.id());
      }
    }
    if (matches.size() > 1) {
      throw new ConflictException(
          "image id prefix '"
              + reference
              + "' matches "
              + matches.size()
              + " images; give more digits");
    }
    return matches.isEmpty() ? null : matches.get(0);
  }

  /** The api view of a stored image. Callers hold the lock. */
  Image toImage(ImageIndex.ImageRecord record) throws IOException {
    ImageConfigParser.Parsed parsed = parsedConfig(record.id());
    List<Path> dirs = new ArrayList<>();
    long size = 0;
    for (String diffId : record.diffIds()) {
      dirs.add(layers.dir(diffId));
      LayerStore.Layer layer = layers.get(diffId);
      size += layer == null ? 0 : layer.sizeBytes();
    }
    return new Image(
        record.id(),
        index.tagsOf(record.id()),
        index.digestsOf(record.id()),
        dirs,
        parsed.config(),
        parsed.architecture(),
        parsed.os(),
        size,
        parsed.created());
  }

  ImageConfigParser.Parsed parsedConfig(String id) throws IOException {
    ImageConfigParser.Parsed parsed = configs.get(id);
    if (parsed == null) {
      parsed = ImageConfigParser.parse(blobs.read(id), id);
      configs.put(id, parsed);
    }
    return parsed;
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return vertx.executeBlocking(
        () -> {
          try {
            return work.call();
          } catch (RuntimeFailure e) {
            throw e;
          } catch (IOException e) {
            throw new RuntimeFailure("image store: " + IoMessages.describe(e), e);
          }
        },
        false);
  }
}
