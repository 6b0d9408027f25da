package io.jcompose.runtime.image;

import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of an unpacked image archive, looked up by the relative names its JSON gives. */
final class ArchiveFiles {

  private final Path dir;
  private final String what;

  ArchiveFiles(Path dir, String what) throws IOException {
    this.dir = dir.toRealPath();
    this.what = what;
  }

  String what() {
    return what;
  }

  boolean exists(String name) {
    return Files.isRegularFile(dir.resolve(name));
  }

  /**
   * The file a name inside the archive refers to; names (and symlinks, which old {@code docker
   * save} archives use for repeated layers) must stay inside the archive.
   */
  Path path(String name) throws IOException {
    Path path = dir.resolve(name).normalize();
    if (name.isEmpty() || !path.startsWith(dir)) {
      throw new RuntimeFailure("image load: " + what + ": '" + name + "' is outside the archive");
    }
    if (!Files.isRegularFile(path)) {
      throw new RuntimeFailure("image load: " + what + ": '" + name + "' is missing");
    }
    Path real = path.toRealPath();
    if (!real.startsWith(dir)) {
      throw new RuntimeFailure(
          "image load: " + what + ": '" + name + "' links outside the archive");
    }
    return real;
  }

  byte[] read(String name) throws IOException {
    return Files.readAllBytes(path(name));
  }

  /** A blob of the archive's {@code blobs/sha256/} directory (content not checked). */
  Path blob(String digest) throws IOException {
    return path("blobs/sha256/" + Digests.hex(digest));
  }

  /** A small blob's bytes, verified against its digest. */
  byte[] readBlob(String digest) throws IOException {
    byte[] bytes = Files.readAllBytes(blob(digest));
    String actual = Digests.of(bytes);
    if (!actual.equals(digest)) {
      throw new RuntimeFailure(
          "image load: "
              + what
              + ": blob "
              + digest
              + " has content "
              + actual
              + "; the archive is corrupt");
    }
    return bytes;
  }
}
