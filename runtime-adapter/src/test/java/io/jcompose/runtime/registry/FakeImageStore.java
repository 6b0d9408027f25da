package io.jcompose.runtime.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.ImageStore;
import io.jcompose.runtime.api.RuntimeFailure;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The blob half of an image store, enough to test pulls against: blobs by digest (verified on the
 * way in), a download directory, and tags that only point at manifests whose blobs all exist.
 */
final class FakeImageStore implements ImageStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path blobs;
  private final Path downloads;
  final Map<String, String> tags = new ConcurrentHashMap<>();

  /** Whether putBlob hashes the file again, as the ImageStore contract asks (off: to measure). */
  boolean verify = true;

  FakeImageStore(Path root) throws IOException {
    this.blobs = Files.createDirectories(root.resolve("blobs/sha256"));
    this.downloads = root.resolve("downloads");
  }

  Path blob(String digest) {
    return blobs.resolve(digest.substring("sha256:".length()));
  }

  @Override
  public Future<Boolean> hasBlob(String digest) {
    return Future.succeededFuture(Files.exists(blob(digest)));
  }

  @Override
  public Future<Void> putBlob(String digest, Path file) {
    try {
      String actual = verify ? sha256(file) : digest;
      if (!actual.equals(digest)) {
        Files.deleteIfExists(file);
        return Future.failedFuture(new RuntimeFailure("digest mismatch for " + digest));
      }
      Files.move(file, blob(digest), StandardCopyOption.REPLACE_EXISTING);
      return Future.succeededFuture();
    } catch (IOException e) {
      return Future.failedFuture(e);
    }
  }

  /** Trusts the caller's hash when {@link #verify} is off, as a real store may. */
  @Override
  public Future<Void> putVerifiedBlob(String digest, Path file) {
    return putBlob(digest, file);
  }

  @Override
  public Path downloadDir() {
    return downloads;
  }

  @Override
  public Future<Image> registerManifest(String reference, String manifestDigest) {
    try {
      JsonNode manifest = JSON.readTree(blob(manifestDigest).toFile());
      String config = manifest.path("config").path("digest").asText();
      long size = 0;
      for (JsonNode layer : manifest.path("layers")) {
        Path p = blob(layer.path("digest").asText());
        if (!Files.exists(p)) {
          return Future.failedFuture(new RuntimeFailure("layer missing: " + p));
        }
        size += Files.size(p);
      }
      JsonNode cfg = JSON.readTree(blob(config).toFile());
      tags.put(reference, manifestDigest);
      return Future.succeededFuture(
          new Image(
              config,
              List.of(reference),
              List.of(manifestDigest),
              List.of(),
              null,
              cfg.path("architecture").asText(),
              cfg.path("os").asText(),
              size,
              null));
    } catch (IOException e) {
      return Future.failedFuture(e);
    }
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return "sha256:"
          + HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Future<Image> resolve(String reference) {
    return Future.failedFuture(new UnsupportedOperationException());
  }

  @Override
  public Future<List<Image>> list() {
    return Future.failedFuture(new UnsupportedOperationException());
  }

  @Override
  public Future<Image> importRootfs(Path tar, String reference, List<String> changes) {
    return Future.failedFuture(new UnsupportedOperationException());
  }

  @Override
  public Future<List<Image>> load(Path archive) {
    return Future.failedFuture(new UnsupportedOperationException());
  }

  @Override
  public Future<Void> remove(String reference, boolean force) {
    return Future.failedFuture(new UnsupportedOperationException());
  }
}
