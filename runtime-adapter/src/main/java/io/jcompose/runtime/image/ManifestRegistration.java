package io.jcompose.runtime.image;

import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.ImageReference;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers a pulled image: its manifest, config and layer blobs are already in the blob store.
 * Layers are unpacked from their blobs, which are then deleted (the unpacked layer remembers the
 * blob digest, so {@code hasBlob} still says yes and a later pull skips it).
 */
final class ManifestRegistration {

  private final BlobStore blobs;
  private final ImageCommitter committer;

  ManifestRegistration(BlobStore blobs, ImageCommitter committer) {
    this.blobs = blobs;
    this.committer = committer;
  }

  Image register(String reference, String manifestDigest) throws IOException {
    ImageReference ref = ReferenceKeys.parse(reference);
    Digests.hex(manifestDigest);
    String what = "image " + reference + " (manifest " + manifestDigest + ")";
    Manifests.Manifest manifest =
        Manifests.manifest(Manifests.read(blobs.read(manifestDigest), what), what);
    byte[] config = blobs.read(manifest.configDigest());
    List<ImageCommitter.LayerInput> inputs = new ArrayList<>();
    for (Manifests.Descriptor layer : manifest.layers()) {
      String digest = layer.digest();
      inputs.add(
          new ImageCommitter.LayerInput(
              () -> {
                if (!blobs.has(digest)) {
                  throw new RuntimeFailure(
                      what + ": layer blob " + digest + " is missing; pull again");
                }
                return Files.newInputStream(blobs.path(digest));
              },
              digest));
    }
    List<String> tags = ref.digest() == null ? List.of(ReferenceKeys.key(ref)) : List.of();
    Image image =
        committer.commit(
            what,
            config,
            inputs,
            manifestDigest,
            tags,
            List.of(ReferenceKeys.digestKey(ref, manifestDigest)));
    for (Manifests.Descriptor layer : manifest.layers()) {
      blobs.delete(layer.digest());
    }
    return image;
  }
}
