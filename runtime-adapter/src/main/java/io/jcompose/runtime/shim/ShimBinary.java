package io.jcompose.runtime.shim;

import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The {@code jcompose-shim} executable: shipped as a class-path resource, installed under the state
 * root on first use and replaced when its content changes.
 */
public final class ShimBinary {
  private static final String RESOURCE = "/io/jcompose/runtime/shim/jcompose-shim";

  private ShimBinary() {}

  /** Installs the shim as {@code root/bin/jcompose-shim} unless an identical file is there. */
  public static Path install(Path root) {
    byte[] content;
    try (InputStream in = ShimBinary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new RuntimeFailure(
            "the jcompose-shim binary is missing from the class path; rebuild runtime-adapter with"
                + " a C compiler installed");
      }
      content = in.readAllBytes();
    } catch (IOException e) {
      throw new RuntimeFailure("reading the jcompose-shim resource: " + e.getMessage(), e);
    }
    Path target = root.resolve("bin").resolve("jcompose-shim");
    try {
      if (Files.isRegularFile(target)
          && Arrays.equals(sha256(Files.readAllBytes(target)), sha256(content))) {
        return target;
      }
      Files.createDirectories(target.getParent());
      // Write beside it and rename: a running shim keeps its old inode, new starts get the new one.
      Path tmp = Files.createTempFile(target.getParent(), ".jcompose-shim", ".tmp");
      Files.write(tmp, content);
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new RuntimeFailure("installing " + target + ": " + e.getMessage(), e);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
