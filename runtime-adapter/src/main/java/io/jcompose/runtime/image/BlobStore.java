package io.jcompose.runtime.image;

import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Content-addressed blobs under {@code blobs/sha256/<hex>}; a blob is only ever renamed in. */
final class BlobStore {

  private final Path dir;
  private final Path downloads;

  BlobStore(Path imagesRoot) throws IOException {
    this.dir = imagesRoot.resolve("blobs").resolve("sha256");
    this.downloads = imagesRoot.resolve("downloads");
    Files.createDirectories(dir);
    Files.createDirectories(downloads);
  }

  Path downloadDir() {
    return downloads;
  }

  Path path(String digest) {
    return dir.resolve(Digests.hex(digest));
  }

  boolean has(String digest) {
    return Digests.isValid(digest) && Files.isRegularFile(path(digest));
  }

  /** The blob's bytes, or a RuntimeFailure naming the missing digest. */
  byte[] read(String digest) throws IOException {
    Path path = path(digest);
    if (!Files.isRegularFile(path)) {
      throw new RuntimeFailure("image store: blob " + digest + " is missing; pull or load again");
    }
    return Files.readAllBytes(path);
  }

  /** Stores bytes as a blob and returns their digest. */
  String write(byte[] content) throws IOException {
    String digest = Digests.of(content);
    if (!has(digest)) {
      AtomicFile.write(path(digest), content);
    }
    return digest;
  }

  /**
   * Moves {@code file} in as {@code digest} after checking its content; on a mismatch the file is
   * deleted and nothing is stored.
   */
  void put(String digest, Path file) throws IOException {
    Path target = path(digest);
    String actual;
    try {
      actual = Digests.of(file);
    } catch (IOException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    if (!actual.equals(digest)) {
      Files.deleteIfExists(file);
      throw new RuntimeFailure(
          "image store: blob "
              + digest
              + " has content "
              + actual
              + "; the download is corrupt or the registry sent the wrong blob, pull again");
    }
    try (var channel =
        java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    try {
      Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (java.nio.file.AtomicMoveNotSupportedException e) {
      // another file system than the store's: copy beside the target, then rename
      Path temp = Files.createTempFile(dir, ".tmp-", "");
      try {
        Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
      Files.deleteIfExists(file);
    }
    AtomicFile.fsyncDirectory(dir);
  }

  /** Bytes of all stored blobs. */
  long totalBytes() throws IOException {
    return FileTrees.size(dir);
  }

  void delete(String digest) throws IOException {
    if (Digests.isValid(digest)) {
      Files.deleteIfExists(path(digest));
    }
  }
}
