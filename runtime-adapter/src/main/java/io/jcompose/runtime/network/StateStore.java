package io.jcompose.runtime.network;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Networks and attachments on disk under {@code RuntimePaths.networks()}: {@code <name>.json} per
 * network and {@code containers/<id>/attachment.json} per container (beside its hosts, resolv.conf
 * and hostname files). Every write goes to a temp file, is fsynced and renamed, so a crash leaves
 * either the old or the new state. IP allocations are the endpoint addresses: no second copy.
 */
final class StateStore {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private final Path root;

  StateStore(Path root) {
    this.root = root;
  }

  Path containerDir(String containerId) {
    return root.resolve("containers").resolve(containerId);
  }

  List<NetworkState> loadNetworks() {
    return loadAll(root, NetworkState.class);
  }

  List<AttachmentState> loadAttachments() {
    List<AttachmentState> result = new ArrayList<>();
    Path dir = root.resolve("containers");
    if (!Files.isDirectory(dir)) {
      return result;
    }
    try (Stream<Path> dirs = Files.list(dir)) {
      for (Path d : dirs.toList()) {
        Path file = d.resolve("attachment.json");
        if (Files.isRegularFile(file)) {
          result.add(read(file, AttachmentState.class));
        }
      }
    } catch (IOException e) {
      throw new RuntimeFailure("cannot read network state in " + dir + ": " + e.getMessage(), e);
    }
    return result;
  }

  void save(NetworkState network) {
    write(root.resolve(network.name() + ".json"), network);
  }

  void delete(NetworkState network) {
    deleteQuietly(root.resolve(network.name() + ".json"));
  }

  void save(AttachmentState attachment) {
    write(containerDir(attachment.containerId()).resolve("attachment.json"), attachment);
  }

  void delete(AttachmentState attachment) {
    Path dir = containerDir(attachment.containerId());
    for (String name : List.of("attachment.json", "hosts", "resolv.conf", "hostname")) {
      deleteQuietly(dir.resolve(name));
    }
    deleteQuietly(dir);
  }

  /** Writes a text file atomically (used for hosts, resolv.conf, hostname). */
  static void writeAtomically(Path file, byte[] content) {
    AtomicFiles.write(file, content);
  }

  private static void write(Path file, Object value) {
    try {
      writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
    } catch (IOException e) {
      throw new RuntimeFailure("cannot encode " + file + ": " + e.getMessage(), e);
    }
  }

  private static <T> List<T> loadAll(Path dir, Class<T> type) {
    List<T> result = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return result;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
        result.add(read(f, type));
      }
    } catch (IOException e) {
      throw new RuntimeFailure("cannot read network state in " + dir + ": " + e.getMessage(), e);
    }
    return result;
  }

  private static <T> T read(Path file, Class<T> type) {
    try {
      return JSON.readValue(file.toFile(), type);
    } catch (IOException e) {
      throw new RuntimeFailure(
          "corrupt network state " + file + ": " + e.getMessage() + "; remove the file", e);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // A leftover empty dir or file is harmless and retried on the next removal.
    }
  }
}
