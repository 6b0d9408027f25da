package io.jcompose.runtime.network;

import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Crash-safe file writes for network state: temp file, fsync, rename. */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Replaces {@code file} durably: readers see the old or the new bytes, even after a crash. */
  public static void write(Path file, byte[] content) {
    write(file, content, true);
  }

  /**
   * Replaces {@code file} atomically; with {@code durable} false it skips the fsync, for volatile
   * state under the run directory that is meaningless after a reboot anyway.
   */
  public static void write(Path file, byte[] content, boolean durable) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
      try (FileChannel ch =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(ByteBuffer.wrap(content));
        if (durable) {
          ch.force(true);
        }
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new RuntimeFailure("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
