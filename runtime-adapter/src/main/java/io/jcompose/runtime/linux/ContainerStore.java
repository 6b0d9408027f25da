package io.jcompose.runtime.linux;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.runtime.sys.SpreadDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Container records on disk, one directory per container. Blocking. */
final class ContainerStore {
  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path root;
  private final SpreadDirectory spread;

  ContainerStore(Path root) {
    this.root = root;
    this.spread = new SpreadDirectory(root);
  }

  /** A new container's directory, each in its own block group where the file system allows. */
  ContainerDir createDir(String id) throws IOException {
    spread.ensure();
    ContainerDir dir = dir(id);
    Files.createDirectories(dir.path());
    return dir;
  }

  ContainerDir dir(String id) {
    return new ContainerDir(root.resolve(id));
  }

  /** Writes a record durably (creation). */
  void write(ContainerRecord record) {
    write(record, true);
  }

  /**
   * Writes a state change of a live container without fsync: after a power loss its processes are
   * gone and the next refresh settles the record from the shim's durable {@code exit.json}.
   */
  void writeVolatile(ContainerRecord record) {
    write(record, false);
  }

  private void write(ContainerRecord record, boolean durable) {
    try {
      byte[] json = JSON.writeValueAsBytes(record);
      if (durable) {
        AtomicFile.write(dir(record.id()).record(), json);
      } else {
        AtomicFile.writeVolatile(dir(record.id()).record(), json);
      }
    } catch (IOException e) {
      throw new RuntimeFailure("writing the record of " + record.name() + ": " + e.getMessage(), e);
    }
  }

  /** Every container with a readable record; directories without one are half-created leftovers. */
  List<ContainerRecord> loadAll() {
    List<ContainerRecord> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : (Iterable<Path>) dirs::iterator) {
        Path file = new ContainerDir(dir).record();
        if (Files.isRegularFile(file)) {
          out.add(JSON.readValue(file.toFile(), ContainerRecord.class));
        }
      }
    } catch (IOException e) {
      throw new RuntimeFailure("reading containers under " + root + ": " + e.getMessage(), e);
    }
    return out;
  }
}
