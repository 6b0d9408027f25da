package io.jcompose.scheduler.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.model.api.Project;
import io.jcompose.scheduler.api.EngineJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The engine's files: one JSON record per container ({@code containers/<id>.json}) and the last
 * project each {@code up} ran ({@code projects/<name>.json}). Every write goes to a temporary file
 * that is fsynced and renamed, so a crash leaves the old or the new version, never half of one.
 * Blocking: call from a worker.
 */
public final class EngineStateStore {

  private final Path containers;
  private final Path projects;
  private final ObjectMapper json = EngineJson.mapper();

  /** A store under {@code dir} (created when missing). */
  public EngineStateStore(Path dir) {
    this.containers = dir.resolve("containers");
    this.projects = dir.resolve("projects");
    try {
      Files.createDirectories(containers);
      Files.createDirectories(projects);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create engine state directory " + dir, e);
    }
  }

  /** Saves a container record. */
  public void save(ContainerRecord record) {
    write(containers.resolve(record.id() + ".json"), record);
  }

  /** The record of a container, if any. */
  public Optional<ContainerRecord> load(String id) {
    return read(containers.resolve(id + ".json"), ContainerRecord.class);
  }

  /** Forgets a removed container. */
  public void delete(String id) {
    deleteFile(containers.resolve(id + ".json"));
  }

  /** Saves the project model an {@code up} ran. */
  public void saveProject(Project project) {
    write(projects.resolve(project.name() + ".json"), project);
  }

  /** The last project model of that name, if any. */
  public Optional<Project> loadProject(String name) {
    return read(projects.resolve(name + ".json"), Project.class);
  }

  /** Forgets a project that was taken down. */
  public void deleteProject(String name) {
    deleteFile(projects.resolve(name + ".json"));
  }

  /** Names of every saved project. */
  public List<String> projectNames() {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(projects)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .forEach(n -> out.add(n.substring(0, n.length() - ".json".length())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + projects, e);
    }
    return out;
  }

  private void write(Path file, Object value) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.write(tmp, json.writeValueAsBytes(value));
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private <T> Optional<T> read(Path file, Class<T> type) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(json.readValue(file.toFile(), type));
    } catch (IOException e) {
      // A record we cannot read is as good as none; the next save repairs it.
      return Optional.empty();
    }
  }

  private static void deleteFile(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }
}
