package io.jcompose.runtime.api;

import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.List;

/**
 * The local, content-addressed image store: blobs by sha256, each layer unpacked once and shared.
 */
public interface ImageStore {

  /** The image a reference or id names, or a {@link NotFoundException}. */
  Future<Image> resolve(String reference);

  /** Every image in the store. */
  Future<List<Image>> list();

  /**
   * Imports a root file system tar as a one-layer image (like {@code docker import}), applying
   * Dockerfile-style {@code changes} ({@code ENV A=b}, {@code CMD ["sh"]}, {@code WORKDIR /x}…).
   */
  Future<Image> importRootfs(Path tar, String reference, List<String> changes);

  /** Loads a {@code docker save} archive or an OCI image layout (directory or tar). */
  Future<List<Image>> load(Path archive);

  /** Removes a tag, and the image with its unshared layers once no tag points at it. */
  Future<Void> remove(String reference, boolean force);

  /** Whether a blob ({@code sha256:…}) is already in the store (pullers skip those). */
  Future<Boolean> hasBlob(String digest);

  /**
   * Moves a downloaded file into the store as the blob {@code digest}, after checking its sha256; a
   * mismatch fails with a {@link RuntimeFailure} and the file is deleted. Write downloads under
   * {@link #downloadDir()} so the move is a rename.
   */
  Future<Void> putBlob(String digest, Path file);

  /**
   * Like {@link #putBlob}, for a file whose sha256 the caller computed while writing it (the
   * registry puller hashes every byte as it streams in), so a store may skip hashing it again. The
   * default checks anyway.
   */
  default Future<Void> putVerifiedBlob(String digest, Path file) {
    return putBlob(digest, file);
  }

  /** A directory on the store's file system for partial downloads. */
  Path downloadDir();

  /**
   * Registers an image whose manifest, config and layer blobs are all in the store: unpacks the
   * layers not yet unpacked and points {@code reference} at it.
   */
  Future<Image> registerManifest(String reference, String manifestDigest);

  /** What the store uses on disk, layers counted once ({@code system df}). */
  default Future<ImageDiskUsage> diskUsage() {
    return Future.failedFuture(new RuntimeFailure("this image store does not report disk usage"));
  }
}
