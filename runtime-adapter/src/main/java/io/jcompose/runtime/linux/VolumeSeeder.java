package io.jcompose.runtime.linux;

import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fills an empty volume with what the image has at its mount point, as Docker does on first use:
 * layers copied lowest first, so upper layers win; OCI whiteouts are skipped.
 */
final class VolumeSeeder {
  private VolumeSeeder() {}

  static void seed(Path volume, List<Path> layers, String target) {
    try {
      if (!Files.isDirectory(volume) || !isEmpty(volume)) {
        return;
      }
      for (Path layer : layers) {
        Path source = layer.resolve(target.substring(1));
        if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
          copyTree(source, volume);
        }
      }
    } catch (IOException e) {
      throw new RuntimeFailure(
          "filling volume " + volume + " from the image at " + target + ": " + e.getMessage(), e);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Path dest = to.resolve(from.relativize(dir).toString());
            if (!Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
              Files.copy(dir, dest, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (file.getFileName().toString().startsWith(".wh.")) {
              return FileVisitResult.CONTINUE;
            }
            Path dest = to.resolve(from.relativize(file).toString());
            Files.copy(
                file,
                dest,
                StandardCopyOption.COPY_ATTRIBUTES,
                StandardCopyOption.REPLACE_EXISTING,
                LinkOption.NOFOLLOW_LINKS);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
