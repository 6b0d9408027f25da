package io.jcompose.runtime.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Unpacked layers, one directory per diff id ({@code layers/<hex>/diff}) shared by every image and
 * container. A layer is unpacked into a temp directory and renamed into place, so a crash leaves
 * either nothing or a complete layer; the same layer is unpacked at most once at a time.
 */
final class LayerStore {

  /** One unpacked layer: its diff id, bytes, and the compressed blobs it was unpacked from. */
  record Layer(String diffId, long sizeBytes, List<String> sources) {
    Layer {
      sources = List.copyOf(sources);
    }
  }

  /** Opens the layer's tar stream (compressed or not). */
  interface TarSource {
    InputStream open() throws IOException;
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long STALE_MILLIS = 3_600_000;

  private final Path root;
  private final Map<String, Layer> layers = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final AtomicInteger unpacks = new AtomicInteger();

  LayerStore(Path imagesRoot) throws IOException {
    this.root = imagesRoot.resolve("layers");
    Files.createDirectories(root);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.startsWith(".")) {
          // an unpack or delete a crash interrupted; a recent one may be another process's
          if (Files.getLastModifiedTime(entry).toMillis()
              < System.currentTimeMillis() - STALE_MILLIS) {
            FileTrees.deleteIfExists(entry);
          }
        } else if (Files.isRegularFile(entry.resolve("layer.json"))) {
          Layer layer = JSON.readValue(entry.resolve("layer.json").toFile(), Layer.class);
          layers.put(layer.diffId(), layer);
        }
      }
    }
  }

  /** The directory overlayfs uses as a {@code lowerdir} for this layer. */
  Path dir(String diffId) {
    return root.resolve(Digests.hex(diffId)).resolve("diff");
  }

  Layer get(String diffId) {
    return layers.get(diffId);
  }

  Collection<Layer> all() {
    return List.copyOf(layers.values());
  }

  /** Whether some unpacked layer came from this compressed blob. */
  boolean unpackedFrom(String blobDigest) {
    return layers.values().stream().anyMatch(l -> l.sources().contains(blobDigest));
  }

  /** How many tars were unpacked since open (tests check layers are unpacked once). */
  int unpackCount() {
    return unpacks.get();
  }

  /**
   * Makes sure the layer is unpacked: returns the existing one when {@code expectedDiffId} is
   * already there, otherwise unpacks {@code source}. A non-null {@code expectedDiffId} must match
   * the tar's content; {@code blobDigest} (nullable) is remembered as a source.
   */
  Layer ensure(TarSource source, String expectedDiffId, String blobDigest) throws IOException {
    if (expectedDiffId == null) {
      return unpack(source, null, blobDigest);
    }
    synchronized (locks.computeIfAbsent(expectedDiffId, k -> new Object())) {
      Layer existing = layers.get(expectedDiffId);
      if (existing != null) {
        return remember(existing, blobDigest);
      }
      return unpack(source, expectedDiffId, blobDigest);
    }
  }

  private Layer unpack(TarSource source, String expectedDiffId, String blobDigest)
      throws IOException {
    Path temp = root.resolve(".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(temp.resolve("diff"));
      LayerUnpacker.Result result;
      try (InputStream in = source.open()) {
        result = LayerUnpacker.unpack(in, temp.resolve("diff"));
      }
      unpacks.incrementAndGet();
      if (expectedDiffId != null && !expectedDiffId.equals(result.diffId())) {
        throw new RuntimeFailure(
            "image store: layer "
                + (blobDigest == null ? "" : blobDigest + " ")
                + "has diff id "
                + result.diffId()
                + " but the image config says "
                + expectedDiffId
                + "; the image is corrupt");
      }
      synchronized (locks.computeIfAbsent(result.diffId(), k -> new Object())) {
        Layer existing = layers.get(result.diffId());
        if (existing != null) {
          return remember(existing, blobDigest);
        }
        Layer layer =
            new Layer(
                result.diffId(),
                result.sizeBytes(),
                blobDigest == null ? List.of() : List.of(blobDigest));
        AtomicFile.write(temp.resolve("layer.json"), JSON.writeValueAsBytes(layer));
        Files.move(temp, root.resolve(Digests.hex(layer.diffId())), StandardCopyOption.ATOMIC_MOVE);
        AtomicFile.fsyncDirectory(root);
        layers.put(layer.diffId(), layer);
        return layer;
      }
    } finally {
      FileTrees.deleteIfExists(temp);
    }
  }

  private Layer remember(Layer layer, String blobDigest) throws IOException {
    if (blobDigest == null || layer.sources().contains(blobDigest)) {
      return layer;
    }
    List<String> sources = new ArrayList<>(layer.sources());
    sources.add(blobDigest);
    Layer updated = new Layer(layer.diffId(), layer.sizeBytes(), sources);
    AtomicFile.write(
        root.resolve(Digests.hex(layer.diffId())).resolve("layer.json"),
        JSON.writeValueAsBytes(updated));
    layers.put(updated.diffId(), updated);
    return updated;
  }

  /** Deletes a layer: renamed aside first so a crash never leaves a half-deleted layer in use. */
  void delete(String diffId) throws IOException {
    synchronized (locks.computeIfAbsent(diffId, k -> new Object())) {
      if (layers.remove(diffId) == null) {
        return;
      }
      Path trash = root.resolve(".trash-" + UUID.randomUUID());
      Files.move(root.resolve(Digests.hex(diffId)), trash, StandardCopyOption.ATOMIC_MOVE);
      FileTrees.deleteIfExists(trash);
    }
  }
}
