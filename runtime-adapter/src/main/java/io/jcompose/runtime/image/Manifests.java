package io.jcompose.runtime.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads OCI and Docker schema2 image manifests and image indexes (manifest lists). */
final class Manifests {

  static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
  static final String REF_NAME = "org.opencontainers.image.ref.name";
  static final String CONTAINERD_NAME = "io.containerd.image.name";

  /** A content descriptor: media type, digest, platform and annotations when given. */
  record Descriptor(
      String mediaType,
      String digest,
      String os,
      String architecture,
      Map<String, String> annotations) {
    Descriptor {
      annotations = Map.copyOf(annotations);
    }

    boolean isIndex() {
      return OCI_INDEX.equals(mediaType) || DOCKER_LIST.equals(mediaType);
    }
  }

  /** An image manifest: its config blob and layer blobs, lowest first. */
  record Manifest(String configDigest, List<Descriptor> layers) {
    Manifest {
      layers = List.copyOf(layers);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private Manifests() {}

  static JsonNode read(byte[] bytes, String what) {
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new RuntimeFailure(what + " is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new RuntimeFailure(what + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Whether the parsed document is an index (it lists manifests rather than layers). */
  static boolean isIndex(JsonNode node) {
    String type = node.path("mediaType").asText("");
    return type.equals(OCI_INDEX)
        || type.equals(DOCKER_LIST)
        || (type.isEmpty() && node.has("manifests") && !node.has("layers"));
  }

  static Manifest manifest(JsonNode node, String what) {
    if (isIndex(node)) {
      throw new RuntimeFailure(what + " is an image index, not a platform manifest");
    }
    if (node.path("schemaVersion").asInt() != 2) {
      throw new RuntimeFailure(
          what
              + " has schemaVersion "
              + node.path("schemaVersion").asText()
              + "; only schema 2 (OCI, Docker v2) manifests are supported");
    }
    String config = node.path("config").path("digest").asText(null);
    if (!Digests.isValid(config)) {
      throw new RuntimeFailure(what + " has no valid config digest");
    }
    List<Descriptor> layers = descriptors(node.path("layers"));
    for (Descriptor layer : layers) {
      if (!Digests.isValid(layer.digest())) {
        throw new RuntimeFailure(
            what + " lists a layer with an invalid digest '" + layer.digest() + "'");
      }
    }
    return new Manifest(config, layers);
  }

  static List<Descriptor> index(JsonNode node) {
    return descriptors(node.path("manifests"));
  }

  /**
   * The index entry for this host's platform: linux and the JVM's architecture, else the only one.
   */
  static Descriptor pickPlatform(List<Descriptor> entries, String what) {
    String arch = Platform.architecture();
    List<Descriptor> matches = new ArrayList<>();
    for (Descriptor d : entries) {
      if ((d.os() == null || d.os().equals("linux"))
          && (d.architecture() == null || d.architecture().equals(arch))) {
        matches.add(d);
      }
    }
    if (matches.isEmpty()) {
      throw new RuntimeFailure(what + " has no image for linux/" + arch);
    }
    return matches.get(0);
  }

  private static List<Descriptor> descriptors(JsonNode array) {
    List<Descriptor> out = new ArrayList<>();
    for (JsonNode d : array) {
      Map<String, String> annotations = new LinkedHashMap<>();
      d.path("annotations")
          .fields()
          .forEachRemaining(e -> annotations.put(e.getKey(), e.getValue().asText()));
      JsonNode platform = d.path("platform");
      out.add(
          new Descriptor(
              d.path("mediaType").asText(null),
              d.path("digest").asText(null),
              platform.path("os").asText(null),
              platform.path("architecture").asText(null),
              annotations));
    }
    return out;
  }
}
