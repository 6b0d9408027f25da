package io.jcompose.runtime.registry;

import io.jcompose.runtime.api.ImageReference;
import io.jcompose.runtime.api.Platform;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * Fetches the manifest a reference names and, when it is an index, the manifest for the requested
 * platform. Manifests fetched by digest are checked against it.
 */
final class ManifestResolver {

  /** The image manifest to pull, its digest and bytes, and the digest of the index it came from. */
  record Resolved(String digest, byte[] bytes, ManifestDocument.Image image, String indexDigest) {}

  private record Fetched(String digest, byte[] bytes, String contentType) {}

  private final int maxAttempts;
  private final Duration firstBackoff;

  ManifestResolver(int maxAttempts, Duration firstBackoff) {
    this.maxAttempts = maxAttempts;
    this.firstBackoff = firstBackoff;
  }

  Resolved resolve(RegistryClient client, ImageReference ref, Platform platform, String what)
      throws InterruptedException {
    Fetched top = fetch(client, ref.repository(), ref.manifestReference(), ref.digest(), what);
    ManifestDocument doc = ManifestDocument.parse(top.bytes(), top.contentType(), what);
    if (doc instanceof ManifestDocument.Image image) {
      return new Resolved(top.digest(), top.bytes(), image, null);
    }
    ManifestDocument.Entry entry = ((ManifestDocument.Index) doc).select(platform, what);
    String digest = entry.descriptor().digest();
    Fetched platformManifest = fetch(client, ref.repository(), digest, digest, what);
    ManifestDocument inner =
        ManifestDocument.parse(platformManifest.bytes(), platformManifest.contentType(), what);
    if (!(inner instanceof ManifestDocument.Image image)) {
      throw new RuntimeFailure(what + ": the index entry for " + platform + " is another index");
    }
    return new Resolved(digest, platformManifest.bytes(), image, top.digest());
  }

  private Fetched fetch(
      RegistryClient client, String repository, String reference, String expected, String what)
      throws InterruptedException {
    var uri = client.uri(repository + "/manifests/" + reference);
    Map<String, String> headers = Map.of("Accept", ManifestDocument.ACCEPT);
    Throwable last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) {
        Thread.sleep(firstBackoff.toMillis() << Math.min(attempt - 2, 10));
      }
      HttpResponse<byte[]> response;
      try {
        response =
            client.get(
                uri,
                RegistryClient.pullScope(repository),
                headers,
                BoundedBody.handler(BoundedBody.MANIFEST_LIMIT));
      } catch (IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
          if (t instanceof BoundedBody.TooLarge) {
            throw new RuntimeFailure(
                what
                    + ": registry "
                    + client.registry()
                    + " sent a manifest that is not one ("
                    + t.getMessage()
                    + "); rejected");
          }
        }
        last = e;
        continue;
      }
      int status = response.statusCode();
      String body = new String(response.body(), StandardCharsets.UTF_8);
      if (status == 200) {
        String digest = sha256(response.body());
        if (expected != null && !expected.equals(digest)) {
          throw PullFailures.digestMismatch(what + ": manifest", expected, digest);
        }
        return new Fetched(
            digest, response.body(), response.headers().firstValue("Content-Type").orElse(null));
      }
      if (status == 404) {
        throw PullFailures.unknownManifest(what, client.registry(), body);
      }
      if (status == 401 || status == 403) {
        throw PullFailures.unauthorized(what, client);
      }
      last = PullFailures.httpError(what, client.registry(), status, body);
      if (status < 500 && status != 429) {
        throw (RuntimeFailure) last;
      }
    }
    if (last instanceof RuntimeFailure failure) {
      throw failure;
    }
    throw PullFailures.unreachable(what, client, last);
  }

  static String sha256(byte[] bytes) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
