package io.jcompose.runtime.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.ImageReference;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code image import}: a root file system tar becomes a one-layer image whose config is built from
 * the {@code --change} instructions, as {@code docker import} does.
 */
final class RootfsImport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LayerStore layers;
  private final ImageCommitter committer;

  RootfsImport(LayerStore layers, ImageCommitter committer) {
    this.layers = layers;
    this.committer = committer;
  }

  private static String diffId(Path tar) throws IOException {
    java.security.MessageDigest digest = Digests.sha256();
    try (java.io.InputStream in = Compression.decompress(Files.newInputStream(tar))) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return Digests.format(digest);
  }

  Image run(Path tar, String reference, List<String> changes) throws IOException {
    ImageReference ref = reference == null ? null : ReferenceKeys.parse(reference);
    if (ref != null && ref.digest() != null) {
      throw new RuntimeFailure(
          "image import: '" + reference + "' has a digest; give a name with an optional tag");
    }
    if (!Files.isRegularFile(tar)) {
      throw new RuntimeFailure("image import: " + tar + ": no such file; give a rootfs tar");
    }
    ObjectNode config = JSON.createObjectNode();
    ImportChanges.apply(config, changes); // bad changes fail before any unpacking
    LayerStore.Layer layer;
    try {
      // hashing first is cheap next to unpacking, and a tar imported before is not unpacked again
      String diffId = diffId(tar);
      layer = layers.ensure(() -> Files.newInputStream(tar), diffId, null);
    } catch (IOException e) {
      throw new RuntimeFailure("image import: " + tar + ": " + e.getMessage(), e);
    }
    String now = Instant.now().toString();
    ObjectNode image = JSON.createObjectNode();
    image.put("architecture", Platform.architecture());
    image.put("os", "linux");
    image.put("created", now);
    image.set("config", config);
    ObjectNode rootfs = image.putObject("rootfs");
    rootfs.put("type", "layers");
    rootfs.putArray("diff_ids").add(layer.diffId());
    image
        .putArray("history")
        .addObject()
        .put("created", now)
        .put("comment", "Imported from " + tar.getFileName());
    byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(image);
    // the layer is already unpacked, so the committer's source is never opened
    ImageCommitter.LayerInput input =
        new ImageCommitter.LayerInput(() -> Files.newInputStream(tar), null);
    return committer.commit(
        "image import " + tar,
        bytes,
        List.of(input),
        null,
        ref == null ? List.of() : List.of(ReferenceKeys.key(ref)),
        List.of());
  }
}
