package io.jcompose.runtime.image;

import io.jcompose.runtime.api.ImageDiskUsage;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Computes {@link ImageDiskUsage} from the image records and the layers they use. */
final class DiskUsage {

  private DiskUsage() {}

  static ImageDiskUsage of(List<ImageIndex.ImageRecord> images, LayerStore layers, BlobStore blobs)
      throws IOException {
    Map<String, Integer> users = new HashMap<>();
    for (ImageIndex.ImageRecord image : images) {
      image.diffIds().stream().distinct().forEach(d -> users.merge(d, 1, Integer::sum));
    }
    long total = 0;
    long shared = 0;
    int sharedCount = 0;
    List<LayerStore.Layer> all = List.copyOf(layers.all());
    for (LayerStore.Layer layer : all) {
      total += layer.sizeBytes();
      if (users.getOrDefault(layer.diffId(), 0) > 1) {
        shared += layer.sizeBytes();
        sharedCount++;
      }
    }
    Map<String, Long> unique = new HashMap<>();
    for (ImageIndex.ImageRecord image : images) {
      long bytes = 0;
      for (String diffId : image.diffIds().stream().distinct().toList()) {
        LayerStore.Layer layer = layers.get(diffId);
        if (layer != null && users.get(diffId) == 1) {
          bytes += layer.sizeBytes();
        }
      }
      unique.put(image.id(), bytes);
    }
    return new ImageDiskUsage(total, all.size(), sharedCount, shared, blobs.totalBytes(), unique);
  }
}
