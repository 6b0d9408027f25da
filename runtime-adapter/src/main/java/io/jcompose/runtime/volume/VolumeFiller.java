package io.jcompose.runtime.volume;

import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.image.FileTrees;
import io.jcompose.runtime.image.MergedLayers;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Docker's copy-up: an empty volume gets the image's content at the mount point. A marker beside
 * the data records a fill in progress, so a fill a crash interrupted is redone, not mistaken for a
 * volume the user already filled.
 */
final class VolumeFiller {

  private final Path data;
  private final Path marker;

  VolumeFiller(Path data) {
    this.data = data;
    this.marker = data.resolveSibling(".filling");
  }

  boolean fill(Image image, String containerPath) throws IOException {
    if (Files.exists(marker)) {
      clear();
    } else if (!isEmpty()) {
      return false;
    }
    if (!Files.exists(marker)) {
      Files.createFile(marker);
    }
    boolean copied = new MergedLayers(image.layerDirs()).copyDirectory(containerPath, data);
    Files.delete(marker);
    return copied;
  }

  private boolean isEmpty() throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(data)) {
      return !entries.iterator().hasNext();
    }
  }

  private void clear() throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(data)) {
      for (Path entry : entries) {
        FileTrees.deleteIfExists(entry);
      }
    }
  }
}
