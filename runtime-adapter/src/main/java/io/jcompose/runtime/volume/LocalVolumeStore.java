package io.jcompose.runtime.volume;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.NotFoundException;
import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.runtime.api.Volume;
import io.jcompose.runtime.api.VolumeStore;
import io.jcompose.runtime.image.AtomicFile;
import io.jcompose.runtime.image.FileTrees;
import io.jcompose.runtime.image.IoMessages;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Directory-backed volumes: {@code <root>/<name>/_data} holds the data, {@code volume.json} its
 * labels and creation time. A volume appears by renaming a complete temp directory into place and
 * goes by renaming it aside first, so a crash never leaves half a volume under its name.
 */
public final class LocalVolumeStore implements VolumeStore {

  static final String DATA = "_data";
  private static final String META = "volume.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vertx vertx;
  private final Path root;
  private final Predicate<String> volumeInUse;

  /** Opens (creating if needed) the volumes under {@code root}. */
  public LocalVolumeStore(Vertx vertx, Path root, Predicate<String> volumeInUse)
      throws IOException {
    this.vertx = vertx;
    this.root = root;
    this.volumeInUse = volumeInUse;
    Files.createDirectories(root);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, ".{tmp,trash}-*")) {
      for (Path entry : entries) {
        // leftovers of a create or remove a crash interrupted; a fresh one may be in progress
        if (Files.getLastModifiedTime(entry).toMillis() < System.currentTimeMillis() - 3_600_000) {
          FileTrees.deleteIfExists(entry);
        }
      }
    }
  }

  @Override
  public Future<Volume> create(String name, Map<String, String> labels) {
    return blocking(
        () -> {
          VolumeNames.check(name);
          synchronized (this) {
            Path dir = root.resolve(name);
            if (Files.isRegularFile(dir.resolve(META))) {
              return read(name);
            }
            Path temp = root.resolve(".tmp-" + UUID.randomUUID());
            try {
              Files.createDirectories(temp.resolve(DATA));
              VolumeRecord record = new VolumeRecord(name, labels, Instant.now().toString());
              AtomicFile.write(
                  temp.resolve(META),
                  JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(record));
              FileTrees.deleteIfExists(dir); // a directory without metadata is no volume
              Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
              AtomicFile.fsyncDirectory(root);
            } finally {
              FileTrees.deleteIfExists(temp);
            }
            return read(name);
          }
        });
  }

  @Override
  public Future<Volume> inspect(String name) {
    return blocking(() -> read(name));
  }

  @Override
  public Future<List<Volume>> list(Map<String, String> labelFilter) {
    return blocking(
        () -> {
          List<Volume> out = new ArrayList<>();
          for (String name : names()) {
            Volume volume = readIfPresent(name);
            if (volume != null && matches(volume, labelFilter)) {
              out.add(volume);
            }
          }
          return out;
        });
  }

  @Override
  public Future<Void> remove(String name) {
    return blocking(
        () -> {
          synchronized (this) {
            read(name);
            if (volumeInUse.test(name)) {
              throw new ConflictException(
                  "volume " + name + " is in use by a container; remove the container first");
            }
            delete(name);
          }
          return null;
        });
  }

  @Override
  public Future<List<String>> prune(Map<String, String> labelFilter) {
    return blocking(
        () -> {
          List<String> removed = new ArrayList<>();
          synchronized (this) {
            for (String name : names()) {
              Volume volume = readIfPresent(name);
              if (volume != null && matches(volume, labelFilter) && !volumeInUse.test(name)) {
                delete(name);
                removed.add(name);
              }
            }
          }
          return removed;
        });
  }

  @Override
  public Future<Boolean> populateFromImage(String name, Image image, String containerPath) {
    return blocking(
        () -> {
          synchronized (this) {
            Volume volume = read(name);
            return new VolumeFiller(volume.mountpoint()).fill(image, containerPath);
          }
        });
  }

  private void delete(String name) throws IOException {
    Path trash = root.resolve(".trash-" + UUID.randomUUID());
    Files.move(root.resolve(name), trash, StandardCopyOption.ATOMIC_MOVE);
    FileTrees.deleteIfExists(trash);
  }

  private Volume read(String name) throws IOException {
    Volume volume = readIfPresent(VolumeNames.check(name));
    if (volume == null) {
      throw new NotFoundException(
          "volume " + name + " not found; 'jcompose volume ls' lists volumes");
    }
    return volume;
  }

  private Volume readIfPresent(String name) throws IOException {
    Path meta = root.resolve(name).resolve(META);
    if (!Files.isRegularFile(meta)) {
      return null;
    }
    VolumeRecord record = JSON.readValue(meta.toFile(), VolumeRecord.class);
    return new Volume(
        name, root.resolve(name).resolve(DATA), record.labels(), Instant.parse(record.createdAt()));
  }

  private List<String> names() throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.startsWith(".")) {
          names.add(name);
        }
      }
    }
    names.sort(null);
    return names;
  }

  private static boolean matches(Volume volume, Map<String, String> filter) {
    return filter == null
        || filter.entrySet().stream()
            .allMatch(e -> e.getValue().equals(volume.labels().get(e.getKey())));
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return vertx.executeBlocking(
        () -> {
          try {
            return work.call();
          } catch (RuntimeFailure e) {
            throw e;
          } catch (IOException e) {
            throw new RuntimeFailure("volume store " + root + ": " + IoMessages.describe(e), e);
          }
        },
        false);
  }
}
