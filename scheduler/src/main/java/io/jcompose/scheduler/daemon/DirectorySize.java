package io.jcompose.scheduler.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/** The bytes of regular files under a directory (blocking; call it on a worker). */
final class DirectorySize {

  private DirectorySize() {}

  static long of(Path dir) {
    if (dir == null || !Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.mapToLong(DirectorySize::sizeOf).sum();
    } catch (IOException | java.io.UncheckedIOException e) {
      // A volume being written to may change under the walk; report what was counted.
      return 0;
    }
  }

  private static long sizeOf(Path p) {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      return a.isRegularFile() ? a.size() : 0;
    } catch (IOException e) {
      return 0;
    }
  }
}
