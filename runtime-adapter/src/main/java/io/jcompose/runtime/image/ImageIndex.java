package io.jcompose.runtime.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Image records ({@code imagedb/<config hex>.json}) and the reference index ({@code
 * repositories.json}: tag → image id, {@code repo@manifest digest} → image id). Every change is
 * written to disk (temp, fsync, rename) before it is visible in memory. Callers synchronise.
 */
final class ImageIndex {

  /** One stored image: its id (config digest), layers, and the manifest it came with if any. */
  record ImageRecord(String id, List<String> diffIds, String manifestDigest, long storedMillis) {
    ImageRecord {
      diffIds = List.copyOf(diffIds);
    }
  }

  /** The on-disk form of the reference index. */
  record References(Map<String, String> tags, Map<String, String> digests) {
    References {
      tags = new TreeMap<>(tags);
      digests = new TreeMap<>(digests);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dbDir;
  private final Path referencesFile;
  private final Map<String, ImageRecord> images = new TreeMap<>();
  private References references = new References(Map.of(), Map.of());

  ImageIndex(Path imagesRoot) throws IOException {
    this.dbDir = imagesRoot.resolve("imagedb");
    this.referencesFile = imagesRoot.resolve("repositories.json");
    Files.createDirectories(dbDir);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dbDir, "*.json")) {
      for (Path file : files) {
        ImageRecord record = JSON.readValue(file.toFile(), ImageRecord.class);
        images.put(record.id(), record);
      }
    }
    if (Files.exists(referencesFile)) {
      References read = JSON.readValue(referencesFile.toFile(), References.class);
      // a crash between writing an image record and the index can leave refs to nothing
      read.tags().values().removeIf(id -> !images.containsKey(id));
      read.digests().values().removeIf(id -> !images.containsKey(id));
      references = read;
    }
  }

  ImageRecord image(String id) {
    return images.get(id);
  }

  List<ImageRecord> images() {
    return List.copyOf(images.values());
  }

  /** The image a normalised reference key names, or null. */
  String lookup(String key) {
    String id = references.tags().get(key);
    return id != null ? id : references.digests().get(key);
  }

  /** Every reference key (tags and digests) pointing at {@code id}. */
  List<String> tagsOf(String id) {
    return keysOf(references.tags(), id);
  }

  List<String> digestsOf(String id) {
    return keysOf(references.digests(), id);
  }

  private static List<String> keysOf(Map<String, String> map, String id) {
    List<String> out = new ArrayList<>();
    map.forEach(
        (k, v) -> {
          if (v.equals(id)) {
            out.add(k);
          }
        });
    return out;
  }

  void putImage(ImageRecord record) throws IOException {
    AtomicFile.write(file(record.id()), JSON.writeValueAsBytes(record));
    images.put(record.id(), record);
  }

  void deleteImage(String id) throws IOException {
    References next = new References(references.tags(), references.digests());
    next.tags().values().removeIf(id::equals);
    next.digests().values().removeIf(id::equals);
    save(next);
    Files.deleteIfExists(file(id));
    images.remove(id);
  }

  void tag(String key, String id) throws IOException {
    References next = new References(references.tags(), references.digests());
    next.tags().put(key, id);
    save(next);
  }

  void addDigest(String key, String id) throws IOException {
    References next = new References(references.tags(), references.digests());
    next.digests().put(key, id);
    save(next);
  }

  /** Removes a tag or digest reference; returns the image it pointed at, or null. */
  String untag(String key) throws IOException {
    References next = new References(references.tags(), references.digests());
    String id = next.tags().remove(key);
    if (id == null) {
      id = next.digests().remove(key);
    }
    if (id != null) {
      save(next);
    }
    return id;
  }

  private void save(References next) throws IOException {
    AtomicFile.write(referencesFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(next));
    references = next;
  }

  private Path file(String id) {
    return dbDir.resolve(Digests.hex(id) + ".json");
  }
}
