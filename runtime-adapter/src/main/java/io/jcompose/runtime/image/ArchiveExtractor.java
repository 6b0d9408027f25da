package io.jcompose.runtime.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks an image archive (not a layer) into a temp directory: regular files, directories and
 * relative symlinks only, owned by us; nothing may land outside the directory.
 */
final class ArchiveExtractor {

  private ArchiveExtractor() {}

  static void extract(Path archive, Path dir) throws IOException {
    try (InputStream raw = Files.newInputStream(archive);
        TarArchiveInputStream tar =
            new TarArchiveInputStream(Compression.decompress(raw), StandardCharsets.UTF_8.name())) {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        List<String> parts = LayerPath.components(entry.getName());
        if (parts.isEmpty()) {
          continue;
        }
        Path target = LayerPath.resolveForWrite(dir, parts, entry.getName());
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else if (entry.isSymbolicLink()) {
          FileTrees.deleteIfExists(target);
          Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
        } else if (entry.isFile()) {
          FileTrees.deleteIfExists(target);
          try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            tar.transferTo(out);
          }
        }
      }
    }
  }
}
