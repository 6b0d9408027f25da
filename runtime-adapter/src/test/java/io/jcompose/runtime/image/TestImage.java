package io.jcompose.runtime.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An image built in a test: layer tars, a config naming their diff ids, an OCI manifest. */
final class TestImage {

  private static final ObjectMapper JSON = new ObjectMapper();

  final List<byte[]> layerTars = new ArrayList<>(); // uncompressed
  final List<byte[]> layerBlobs = new ArrayList<>(); // as shipped (maybe compressed)
  final List<String> layerMediaTypes = new ArrayList<>();
  final ObjectNode config = JSON.createObjectNode();

  TestImage() {
    config.put("architecture", Platform.architecture());
    config.put("os", "linux");
    config.put("created", "2024-05-06T07:08:09Z");
    config.putObject("config").putArray("Cmd").add("/bin/sh");
    config.putObject("rootfs").put("type", "layers").putArray("diff_ids");
  }

  TestImage layer(TestTar tar) throws IOException {
    return add(tar.toBytes(), tar.toBytes(), "application/vnd.oci.image.layer.v1.tar");
  }

  TestImage gzipLayer(TestTar tar) throws IOException {
    return add(tar.toBytes(), tar.gzip(), "application/vnd.oci.image.layer.v1.tar+gzip");
  }

  TestImage zstdLayer(TestTar tar) throws IOException {
    return add(tar.toBytes(), tar.zstd(), "application/vnd.oci.image.layer.v1.tar+zstd");
  }

  private TestImage add(byte[] tar, byte[] blob, String mediaType) {
    layerTars.add(tar);
    layerBlobs.add(blob);
    layerMediaTypes.add(mediaType);
    ((ArrayNode) config.path("rootfs").path("diff_ids")).add(Digests.of(tar));
    return this;
  }

  byte[] configBytes() throws IOException {
    return JSON.writeValueAsBytes(config);
  }

  String id() throws IOException {
    return Digests.of(configBytes());
  }

  byte[] manifestBytes() throws IOException {
    ObjectNode m = JSON.createObjectNode();
    m.put("schemaVersion", 2);
    m.put("mediaType", Manifests.OCI_MANIFEST);
    ObjectNode c = m.putObject("config");
    c.put("mediaType", "application/vnd.oci.image.config.v1+json");
    c.put("digest", Digests.of(configBytes()));
    c.put("size", configBytes().length);
    ArrayNode layers = m.putArray("layers");
    for (int i = 0; i < layerBlobs.size(); i++) {
      layers
          .addObject()
          .put("mediaType", layerMediaTypes.get(i))
          .put("digest", Digests.of(layerBlobs.get(i)))
          .put("size", layerBlobs.get(i).length);
    }
    return JSON.writeValueAsBytes(m);
  }

  /** A legacy {@code docker save} directory: manifest.json, config json, {@code <n>/layer.tar}. */
  Path writeDockerSave(Path dir, String... repoTags) throws IOException {
    Files.createDirectories(dir);
    String configName = id().substring(7) + ".json";
    Files.write(dir.resolve(configName), configBytes());
    ObjectNode entry = JSON.createObjectNode();
    entry.put("Config", configName);
    ArrayNode tags = entry.putArray("RepoTags");
    for (String t : repoTags) {
      tags.add(t);
    }
    ArrayNode layers = entry.putArray("Layers");
    for (int i = 0; i < layerTars.size(); i++) {
      Path layerDir = Files.createDirectories(dir.resolve("layer" + i));
      Files.write(layerDir.resolve("layer.tar"), layerTars.get(i));
      layers.add("layer" + i + "/layer.tar");
    }
    Files.write(
        dir.resolve("manifest.json"), JSON.writeValueAsBytes(JSON.createArrayNode().add(entry)));
    return dir;
  }

  /** An OCI layout whose index.json points at an index of one platform manifest, named refName. */
  Path writeOciLayout(Path dir, String refName) throws IOException {
    Path blobs = Files.createDirectories(dir.resolve("blobs/sha256"));
    for (byte[] blob : layerBlobs) {
      Files.write(blobs.resolve(Digests.of(blob).substring(7)), blob);
    }
    Files.write(blobs.resolve(id().substring(7)), configBytes());
    byte[] manifest = manifestBytes();
    Files.write(blobs.resolve(Digests.of(manifest).substring(7)), manifest);
    ObjectNode nested = JSON.createObjectNode();
    nested.put("schemaVersion", 2);
    nested.put("mediaType", Manifests.OCI_INDEX);
    ArrayNode platforms = nested.putArray("manifests");
    platforms
        .addObject()
        .put("mediaType", Manifests.OCI_MANIFEST)
        .put("digest", "sha256:" + "0".repeat(64))
        .put("size", 1)
        .putObject("platform")
        .put("os", "linux")
        .put("architecture", "s390x");
    platforms
        .addObject()
        .put("mediaType", Manifests.OCI_MANIFEST)
        .put("digest", Digests.of(manifest))
        .put("size", manifest.length)
        .putObject("platform")
        .put("os", "linux")
        .put("architecture", Platform.architecture());
    byte[] nestedBytes = JSON.writeValueAsBytes(nested);
    Files.write(blobs.resolve(Digests.of(nestedBytes).substring(7)), nestedBytes);
    ObjectNode index = JSON.createObjectNode();
    index.put("schemaVersion", 2);
    ObjectNode entry = index.putArray("manifests").addObject();
    entry
        .put("mediaType", Manifests.OCI_INDEX)
        .put("digest", Digests.of(nestedBytes))
        .put("size", nestedBytes.length);
    entry.putObject("annotations").put(Manifests.REF_NAME, refName);
    Files.write(dir.resolve("index.json"), JSON.writeValueAsBytes(index));
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    return dir;
  }

  /** The three-layer image the load and overlay tests share: whiteout, opaque dir, zstd. */
  static TestImage layered() throws IOException {
    return new TestImage()
        .layer(
            TestTar.create()
                .dir("etc")
                .file("etc/keep", "base")
                .file("etc/gone", "deleted later")
                .dir("var/cache")
                .file("var/cache/old1", "o1")
                .file("var/cache/old2", "o2")
                .dir("data")
                .file("data/seed", "from base"))
        .gzipLayer(
            TestTar.create()
                .whiteout("etc/gone")
                .dir("var/cache")
                .opaque("var/cache")
                .file("var/cache/fresh", "f"))
        .zstdLayer(TestTar.create().file("etc/keep", "top").file("data/more", "from top"));
  }

  /** Writes a directory tree as a tar file (an archive of a save or layout directory). */
  static Path tarDirectory(Path dir, Path tarFile) throws IOException {
    TestTar tar = TestTar.create();
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted().toList()) {
        String name = dir.relativize(p).toString();
        if (name.isEmpty()) {
          continue;
        }
        if (Files.isDirectory(p)) {
          tar.dir(name);
        } else {
          tar.bytes(name, Files.readAllBytes(p));
        }
      }
    }
    return tar.writeTo(tarFile);
  }
}
