package io.jcompose.runtime.network;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.runtime.sys.SpreadDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Network state on disk. Networks are durable: {@code <name>.json} under {@code
 * RuntimePaths.networks()}, fsynced. Attachments are volatile: {@code containers/<id>/} under the
 * run directory ({@code attachment.json} beside the hosts, resolv.conf and hostname files), since
 * they live exactly as long as the namespace files there; they are renamed into place but not
 * fsynced, which a daemon crash cannot undo and a host crash makes moot. IP allocations are the
 * endpoint addresses: no second copy.
 */
final class StateStore {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private final Path root;
  private final SpreadDirectory containers;

  StateStore(Path root, Path volatileRoot) {
    this.root = root;
    this.containers = new SpreadDirectory(volatileRoot.resolve("containers"));
  }

  /**
   * {@code name} when it is a plain file name: container ids and network names become paths, so
   * {@code ../x} must never reach a resolve.
   */
  static String checkedName(String kind, String name) {
    if (name == null || !FILE_NAME.matcher(name).matches()) {
      throw new RuntimeFailure(
          kind
              + " '"
              + name
              + "' is not a valid file name; use letters, digits, '_', '.', '-', starting with a"
              + " letter or digit");
    }
    return name;
  }

  /** A container's directory; an id that is not a plain file name is refused. */
  Path containerDir(String containerId) {
    return containers.path().resolve(checkedName("container id", containerId));
  }

  /** A container's directory (hosts, resolv.conf, attachment), each in its own block group. */
  Path createContainerDir(String containerId) throws IOException {
    Path dir = containers.ensure().resolve(checkedName("container id", containerId));
    Files.createDirectories(dir);
    return dir;
  }

  List<NetworkState> loadNetworks() {
    return loadAll(root, NetworkState.class);
  }

  List<AttachmentState> loadAttachments() {
    List<AttachmentState> result = new ArrayList<>();
    Path dir = containers.path();
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
    write(root.resolve(network.name() + ".json"), network, true);
  }

  void delete(NetworkState network) {
    deleteQuietly(root.resolve(network.name() + ".json"));
  }

  void save(AttachmentState attachment) {
    write(containerDir(attachment.containerId()).resolve("attachment.json"), attachment, false);
  }

  void delete(AttachmentState attachment) {
    deleteContainerDir(attachment.containerId());
  }

  /** Deletes a container's directory with its files; nothing happens when there is none. */
  void deleteContainerDir(String containerId) {
    Path dir = containerDir(containerId);
    for (String name : List.of("attachment.json", "hosts", "resolv.conf", "hostname")) {
      deleteQuietly(dir.resolve(name));
    }
    deleteQuietly(dir);
  }

  /** Writes a container file (hosts, resolv.conf, hostname) atomically, without fsync. */
  static void writeVolatile(Path file, byte[] content) {
    AtomicFiles.write(file, content, false);
  }

  private static void write(Path file, Object value, boolean durable) {
    try {
      AtomicFiles.write(
          file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value), durable);
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
