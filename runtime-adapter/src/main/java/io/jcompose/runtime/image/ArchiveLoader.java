package io.jcompose.runtime.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code image load}: a {@code docker save} archive ({@code manifest.json} with repo tags, config
 * and layer tars; the newer form keeps those in {@code blobs/sha256}) or an OCI image layout
 * ({@code index.json} → manifests), as a directory or a tar (optionally gzip or zstd compressed).
 */
final class ArchiveLoader {

  private final BlobStore blobs;
  private final ImageCommitter committer;

  ArchiveLoader(BlobStore blobs, ImageCommitter committer) {
    this.blobs = blobs;
    this.committer = committer;
  }

  List<Image> load(Path archive) throws IOException {
    if (Files.isDirectory(archive)) {
      return loadDirectory(archive, archive.toString());
    }
    if (!Files.isRegularFile(archive)) {
      throw new RuntimeFailure("image load: " + archive + ": no such file or directory");
    }
    Path temp = blobs.downloadDir().resolve(".load-" + UUID.randomUUID());
    try {
      Files.createDirectories(temp);
      try {
        ArchiveExtractor.extract(archive, temp);
      } catch (IOException e) {
        throw new RuntimeFailure("image load: " + archive + ": " + e.getMessage(), e);
      }
      return loadDirectory(temp, archive.toString());
    } finally {
      FileTrees.deleteIfExists(temp);
    }
  }

  private List<Image> loadDirectory(Path dir, String what) throws IOException {
    ArchiveFiles files = new ArchiveFiles(dir, what);
    if (files.exists("manifest.json")) {
      return loadDockerSave(files);
    }
    if (files.exists("index.json")) {
      return new OciLayoutLoader(blobs, committer, files).load();
    }
    throw new RuntimeFailure(
        "image load: "
            + what
            + ": neither a docker save archive (no manifest.json) nor an OCI"
            + " image layout (no index.json)");
  }

  private List<Image> loadDockerSave(ArchiveFiles files) throws IOException {
    JsonNode manifest;
    try {
      manifest =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(files.read("manifest.json"));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new RuntimeFailure(files.what() + ": manifest.json is not valid JSON", e);
    }
    if (manifest == null || !manifest.isArray()) {
      throw new RuntimeFailure(files.what() + ": manifest.json is not a JSON array");
    }
    List<Image> images = new ArrayList<>();
    for (JsonNode entry : manifest) {
      String configPath = entry.path("Config").asText("");
      String what = "image load: " + files.what() + ": " + configPath;
      byte[] config = files.read(configPath);
      List<ImageCommitter.LayerInput> inputs = new ArrayList<>();
      for (JsonNode layer : entry.path("Layers")) {
        Path path = files.path(layer.asText());
        inputs.add(new ImageCommitter.LayerInput(() -> Files.newInputStream(path), null));
      }
      List<String> tags = new ArrayList<>();
      for (JsonNode tag : entry.path("RepoTags")) {
        tags.add(ReferenceKeys.key(ReferenceKeys.parse(tag.asText())));
      }
      images.add(committer.commit(what, config, inputs, null, tags, List.of()));
    }
    return images;
  }
}
