package io.jcompose.runtime.image;

import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last step of every way an image arrives (import, load, pull): stores its config blob, unpacks
 * the layers not yet unpacked, then records the image and points its references at it. On failure
 * nothing new is left behind: layers and config unpacked for it are removed again.
 */
final class ImageCommitter {

  /** One layer to unpack: where its tar comes from, and its blob digest if it is a blob. */
  record LayerInput(LayerStore.TarSource source, String blobDigest) {}

  private final BlobStore blobs;
  private final LayerStore layers;
  private final ImageIndex index;
  private final LocalImageStore store;
  // layers that commits in progress rely on; a failing commit must not delete them under another
  private final Map<String, Integer> inFlight = new HashMap<>();

  ImageCommitter(BlobStore blobs, LayerStore layers, ImageIndex index, LocalImageStore store) {
    this.blobs = blobs;
    this.layers = layers;
    this.index = index;
    this.store = store;
  }

  /**
   * Commits an image.
   *
   * @param what how to name the image's source in errors ({@code archive.tar: busybox})
   * @param tagKeys reference keys to tag with ({@link ReferenceKeys#key})
   * @param digestKeys {@code repo@manifest digest} keys
   */
  Image commit(
      String what,
      byte[] config,
      List<LayerInput> inputs,
      String manifestDigest,
      List<String> tagKeys,
      List<String> digestKeys)
      throws IOException {
    String id = Digests.of(config);
    ImageConfigParser.Parsed parsed = ImageConfigParser.parse(config, what + ": config " + id);
    if (parsed.diffIds().size() != inputs.size()) {
      throw new RuntimeFailure(
          what
              + ": the image config lists "
              + parsed.diffIds().size()
              + " layers but "
              + inputs.size()
              + " were given; the image is corrupt");
    }
    boolean configExisted = blobs.has(id);
    List<String> unpackedHere = new ArrayList<>();
    boolean committed = false;
    hold(parsed.diffIds(), +1);
    try {
      blobs.write(config);
      for (int i = 0; i < inputs.size(); i++) {
        String diffId = parsed.diffIds().get(i);
        boolean had = layers.get(diffId) != null;
        try {
          layers.ensure(inputs.get(i).source(), diffId, inputs.get(i).blobDigest());
        } catch (IOException e) {
          throw new RuntimeFailure(
              what
                  + ": layer "
                  + (i + 1)
                  + " of "
                  + inputs.size()
                  + " ("
                  + (inputs.get(i).blobDigest() == null ? diffId : inputs.get(i).blobDigest())
                  + "): "
                  + IoMessages.describe(e),
              e);
        }
        if (!had) {
          unpackedHere.add(diffId);
        }
      }
      Image image;
      synchronized (store) {
        if (index.image(id) == null) {
          index.putImage(
              new ImageIndex.ImageRecord(
                  id, parsed.diffIds(), manifestDigest, System.currentTimeMillis()));
        }
        for (String key : tagKeys) {
          index.tag(key, id);
        }
        for (String key : digestKeys) {
          index.addDigest(key, id);
        }
        image = store.toImage(index.image(id));
      }
      committed = true;
      return image;
    } finally {
      hold(parsed.diffIds(), -1);
      if (!committed) {
        rollBack(id, configExisted, unpackedHere);
      }
    }
  }

  /** Whether a commit in progress relies on this layer. Callers hold the store's lock. */
  boolean holds(String diffId) {
    return inFlight.containsKey(diffId);
  }

  private void hold(List<String> diffIds, int delta) {
    synchronized (store) {
      for (String diffId : diffIds) {
        inFlight.merge(diffId, delta, (a, b) -> a + b == 0 ? null : a + b);
      }
    }
  }

  private void rollBack(String id, boolean configExisted, List<String> unpackedHere)
      throws IOException {
    synchronized (store) {
      for (String diffId : unpackedHere) {
        boolean used = index.images().stream().anyMatch(r -> r.diffIds().contains(diffId));
        if (!used && !inFlight.containsKey(diffId)) {
          layers.delete(diffId);
        }
      }
      if (!configExisted && index.image(id) == null) {
        blobs.delete(id);
      }
    }
  }
}
