package io.jcompose.runtime.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.ImageReference;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads every image an OCI image layout's {@code index.json} lists. A nested index picks this
 * host's platform. Names come from {@code io.containerd.image.name}, or from {@code
 * org.opencontainers.image.ref.name} when it is a full reference; a bare tag there names nothing.
 */
final class OciLayoutLoader {

  private final BlobStore blobs;
  private final ImageCommitter committer;
  private final ArchiveFiles files;

  OciLayoutLoader(BlobStore blobs, ImageCommitter committer, ArchiveFiles files) {
    this.blobs = blobs;
    this.committer = committer;
    this.files = files;
  }

  List<Image> load() throws IOException {
    JsonNode index = Manifests.read(files.read("index.json"), files.what() + ": index.json");
    List<Image> images = new ArrayList<>();
    for (Manifests.Descriptor entry : Manifests.index(index)) {
      images.add(loadEntry(entry, name(entry)));
    }
    if (images.isEmpty()) {
      throw new RuntimeFailure("image load: " + files.what() + ": index.json lists no images");
    }
    return images;
  }

  private Image loadEntry(Manifests.Descriptor entry, ImageReference name) throws IOException {
    String what = "image load: " + files.what() + ": manifest " + entry.digest();
    byte[] bytes = files.readBlob(entry.digest());
    JsonNode node = Manifests.read(bytes, what);
    String manifestDigest = entry.digest();
    if (entry.isIndex() || Manifests.isIndex(node)) {
      Manifests.Descriptor chosen = Manifests.pickPlatform(Manifests.index(node), what);
      manifestDigest = chosen.digest();
      bytes = files.readBlob(manifestDigest);
      node = Manifests.read(bytes, what);
    }
    Manifests.Manifest manifest = Manifests.manifest(node, what);
    byte[] config = files.readBlob(manifest.configDigest());
    List<ImageCommitter.LayerInput> inputs = new ArrayList<>();
    for (Manifests.Descriptor layer : manifest.layers()) {
      var path = files.blob(layer.digest());
      inputs.add(new ImageCommitter.LayerInput(() -> Files.newInputStream(path), layer.digest()));
    }
    List<String> tags = new ArrayList<>();
    List<String> digests = new ArrayList<>();
    if (name != null) {
      if (name.tag() != null) {
        tags.add(ReferenceKeys.key(name));
      }
      digests.add(ReferenceKeys.digestKey(name, manifestDigest));
    }
    Image image = committer.commit(what, config, inputs, manifestDigest, tags, digests);
    blobs.write(bytes); // kept so the image can be pushed or saved by digest later
    return image;
  }

  /** The image name an index entry carries, or null. */
  private ImageReference name(Manifests.Descriptor entry) {
    String name = entry.annotations().get(Manifests.CONTAINERD_NAME);
    if (name == null) {
      String ref = entry.annotations().get(Manifests.REF_NAME);
      // a bare tag ("latest") or a tag-like name without repository is not a full reference
      if (ref != null && (ref.contains("/") || ref.contains(":"))) {
        name = ref;
      }
    }
    return name == null ? null : ReferenceKeys.parse(name);
  }
}
