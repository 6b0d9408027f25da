package io.jcompose.runtime.image;

import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** sha256 content digests in the {@code sha256:<64 hex>} form OCI uses. */
final class Digests {

  private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");

  private Digests() {}

  /** A fresh sha256 message digest. */
  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The {@code sha256:…} form of a finished digest. */
  static String format(MessageDigest digest) {
    return "sha256:" + HexFormat.of().formatHex(digest.digest());
  }

  /** The digest of some bytes. */
  static String of(byte[] bytes) {
    MessageDigest digest = sha256();
    digest.update(bytes);
    return format(digest);
  }

  /** The digest of a file's content. */
  static String of(Path file) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[65536];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return format(digest);
  }

  /** Whether the text is a well-formed sha256 digest. */
  static boolean isValid(String digest) {
    return digest != null && SHA256.matcher(digest).matches();
  }

  /** The 64 hex digits of a digest, after checking its form (it becomes a file name). */
  static String hex(String digest) {
    if (!isValid(digest)) {
      throw new RuntimeFailure(
          "invalid digest '" + digest + "': expected sha256: followed by 64 lowercase hex digits");
    }
    return digest.substring("sha256:".length());
  }
}
