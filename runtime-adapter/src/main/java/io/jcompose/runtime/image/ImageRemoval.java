package io.jcompose.runtime.image;

import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.NotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code image rm}, as Docker does it: a tag is removed; the image goes with its last tag, and with
 * it its config, manifest and the layers no other image shares. An image a container uses is kept
 * (untagged only with {@code force}), so the container's layers never vanish.
 */
final class ImageRemoval {

  private final BlobStore blobs;
  private final LayerStore layers;
  private final ImageIndex index;
  private final Predicate<String> imageInUse;
  private final ImageCommitter committer;
  private final LocalImageStore store;

  ImageRemoval(
      BlobStore blobs,
      LayerStore layers,
      ImageIndex index,
      Predicate<String> imageInUse,
      ImageCommitter committer,
      LocalImageStore store) {
    this.blobs = blobs;
    this.layers = layers;
    this.index = index;
    this.imageInUse = imageInUse;
    this.committer = committer;
    this.store = store;
  }

  void remove(String reference, boolean force) throws IOException {
    synchronized (store) {
      String key = ReferenceKeys.key(reference);
      String id = key == null ? null : index.lookup(key);
      if (id != null) {
        removeReference(reference, key, id, force);
        return;
      }
      id = store.findId(reference);
      if (id == null) {
        throw new NotFoundException(
            "image '" + reference + "' not found; 'jcompose image ls' lists images");
      }
      removeById(reference, id, force);
    }
  }

  private void removeReference(String reference, String key, String id, boolean force)
      throws IOException {
    List<String> tags = index.tagsOf(id);
    boolean lastTag = tags.equals(List.of(key)) || (tags.isEmpty());
    if (!lastTag) {
      index.untag(key);
      return;
    }
    boolean inUse = imageInUse.test(id);
    if (inUse && !force) {
      throw new ConflictException(
          "image '"
              + reference
              + "': a container uses image "
              + shortId(id)
              + "; remove the container first, or force the removal");
    }
    index.untag(key);
    if (!inUse) {
      delete(id);
    }
  }

  private void removeById(String reference, String id, boolean force) throws IOException {
    List<String> tags = index.tagsOf(id);
    if (tags.size() > 1 && !force) {
      throw new ConflictException(
          "image "
              + reference
              + " is tagged "
              + String.join(", ", tags)
              + "; remove the tags by name, or force the removal");
    }
    boolean inUse = imageInUse.test(id);
    if (inUse && !force) {
      throw new ConflictException(
          "image "
              + reference
              + ": a container uses it; remove the container first, or force"
              + " the removal");
    }
    if (inUse) {
      for (String tag : tags) {
        index.untag(tag);
      }
      return;
    }
    delete(id);
  }

  private void delete(String id) throws IOException {
    ImageIndex.ImageRecord record = index.image(id);
    index.deleteImage(id);
    List<ImageIndex.ImageRecord> others = index.images();
    for (String diffId : record.diffIds()) {
      boolean shared = others.stream().anyMatch(r -> r.diffIds().contains(diffId));
      if (!shared && !committer.holds(diffId)) {
        layers.delete(diffId);
      }
    }
    blobs.delete(id);
    String manifest = record.manifestDigest();
    if (manifest != null && others.stream().noneMatch(r -> manifest.equals(r.manifestDigest()))) {
      blobs.delete(manifest);
    }
  }

  private static String shortId(String id) {
    return id.substring(7, 19);
  }
}
