package io.jcompose.runtime.api;

import java.util.Map;

/**
 * What the image store uses on disk, for {@code system df}: every unpacked layer counted once.
 *
 * @param layerBytes bytes of all unpacked layers (file content), each layer once
 * @param layerCount number of unpacked layers
 * @param sharedLayerCount layers used by more than one image
 * @param sharedLayerBytes bytes of those shared layers
 * @param blobBytes bytes of stored blobs (configs, manifests, layer blobs not yet unpacked)
 * @param uniqueBytesByImage per image id, bytes of the layers no other image uses (what removing it
 *     would free)
 */
public record ImageDiskUsage(
    long layerBytes,
    int layerCount,
    int sharedLayerCount,
    long sharedLayerBytes,
    long blobBytes,
    Map<String, Long> uniqueBytesByImage) {

  public ImageDiskUsage {
    uniqueBytesByImage = Map.copyOf(uniqueBytesByImage);
  }
}
