package io.jcompose.runtime.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.runtime.api.NotFoundException;
import io.jcompose.runtime.api.Platform;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A manifest as a registry returns it: either an image index (OCI index or Docker manifest list)
 * that points at one manifest per platform, or an image manifest (OCI or Docker schema 2) naming
 * the config and layer blobs.
 */
sealed interface ManifestDocument {

  String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
  String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";

  /** The Accept header a manifest request sends: every kind this client understands. */
  String ACCEPT = String.join(", ", OCI_INDEX, DOCKER_LIST, OCI_MANIFEST, DOCKER_MANIFEST);

  ObjectMapper JSON = new ObjectMapper();

  /** An index: one entry per platform. */
  record Index(List<Entry> manifests) implements ManifestDocument {
    public Index {
      manifests = List.copyOf(manifests);
    }

    /**
     * The entry for {@code platform}; an exact variant match wins over an entry without variant.
     *
     * @throws NotFoundException listing the platforms the image has
     */
    Entry select(Platform platform, String reference) {
      Entry loose = null;
      for (Entry entry : manifests) {
        if (platform.matches(entry.os(), entry.architecture(), entry.variant())) {
          if (platform.variant() == null || platform.variant().equals(entry.variant())) {
            return entry;
          }
          loose = loose == null ? entry : loose;
        }
      }
      if (loose != null) {
        return loose;
      }
      List<String> available = new ArrayList<>();
      for (Entry entry : manifests) {
        if (!"unknown".equals(entry.os())) {
          available.add(
              entry.os()
                  + "/"
                  + entry.architecture()
                  + (entry.variant() == null ? "" : "/" + entry.variant()));
        }
      }
      throw new NotFoundException(
          reference
              + ": no image for platform "
              + platform
              + " (the image has "
              + String.join(", ", available)
              + "); set platform: in the compose file to one of those");
    }
  }

  /** One platform's manifest in an index. */
  record Entry(Descriptor descriptor, String os, String architecture, String variant) {}

  /** An image manifest: a config blob and the layers, lowest first. */
  record Image(Descriptor config, List<Descriptor> layers) implements ManifestDocument {
    public Image {
      layers = List.copyOf(layers);
    }
  }

  /**
   * Parses a manifest body.
   *
   * @param contentType the response's Content-Type, or null
   * @param where the reference, for error messages
   * @throws RuntimeFailure for schema 1 manifests, unknown types and broken JSON
   */
  static ManifestDocument parse(byte[] body, String contentType, String where) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new RuntimeFailure(where + ": the registry sent a manifest that is not JSON", e);
    }
    if (root == null || !root.isObject()) {
      throw new RuntimeFailure(where + ": the registry sent a manifest that is not a JSON object");
    }
    String type = root.path("mediaType").asText("");
    if (type.isEmpty() && contentType != null) {
      type = contentType.split(";")[0].trim();
    }
    if (root.path("schemaVersion").asInt() == 1 || type.contains("distribution.manifest.v1")) {
      throw new RuntimeFailure(
          where
              + ": Docker schema 1 manifests are not supported; push the image again with a"
              + " current client");
    }
    if (type.equals(OCI_INDEX) || type.equals(DOCKER_LIST) || root.has("manifests")) {
      List<Entry> entries = new ArrayList<>();
      for (JsonNode m : root.path("manifests")) {
        JsonNode p = m.path("platform");
        String variant = p.path("variant").asText("");
        entries.add(
            new Entry(
                descriptor(m, where),
                p.path("os").asText(""),
                p.path("architecture").asText(""),
                variant.isEmpty() ? null : variant));
      }
      return new Index(entries);
    }
    if (type.equals(OCI_MANIFEST) || type.equals(DOCKER_MANIFEST) || root.has("layers")) {
      List<Descriptor> layers = new ArrayList<>();
      for (JsonNode l : root.path("layers")) {
        layers.add(descriptor(l, where));
      }
      return new Image(descriptor(root.path("config"), where), layers);
    }
    throw new RuntimeFailure(
        where + ": unsupported manifest type '" + type + "' (expected an OCI or Docker image)");
  }

  private static Descriptor descriptor(JsonNode node, String where) {
    String digest = node.path("digest").asText("");
    if (!digest.matches("sha256:[a-f0-9]{64}")) {
      throw new RuntimeFailure(
          where + ": manifest has a descriptor without a sha256 digest ('" + digest + "')");
    }
    return new Descriptor(node.path("mediaType").asText(""), digest, node.path("size").asLong(-1));
  }
}
