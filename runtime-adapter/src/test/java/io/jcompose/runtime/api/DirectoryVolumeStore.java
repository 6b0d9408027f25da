package io.jcompose.runtime.api;

import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A test-only volume store: one directory per volume, in memory otherwise. */
public final class DirectoryVolumeStore implements VolumeStore {
  private final Path root;
  private final Map<String, Volume> volumes = new ConcurrentHashMap<>();

  public DirectoryVolumeStore(Path root) {
    this.root = root;
  }

  @Override
  public Future<Volume> create(String name, Map<String, String> labels) {
    return Future.succeededFuture(
        volumes.computeIfAbsent(
            name,
            n -> {
              try {
                Path dir = Files.createDirectories(root.resolve(n).resolve("_data"));
                return new Volume(n, dir, labels, Instant.now());
              } catch (IOException e) {
                throw new RuntimeFailure("creating volume " + n + ": " + e.getMessage(), e);
              }
            }));
  }

  @Override
  public Future<Volume> inspect(String name) {
    Volume v = volumes.get(name);
    return v != null
        ? Future.succeededFuture(v)
        : Future.failedFuture(new NotFoundException("no such volume: " + name));
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

  /** Records the fills asked for; copies nothing (the real store's copy-up is tested there). */
  @Override
  public Future<Boolean> populateFromImage(String name, Image image, String containerPath) {
    populated.add(name + ":" + containerPath);
    return Future.succeededFuture(false);
  }

  /** name:path of every populateFromImage call. */
  public final List<String> populated = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Override
  public Future<List<String>> prune(Map<String, String> labelFilter) {
    return Future.succeededFuture(List.of());
  }
}
