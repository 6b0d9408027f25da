package io.jcompose.runtime.linux;

import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** State files are written whole: to a temp file, fsynced, renamed over the old one. */
final class AtomicFile {
  private AtomicFile() {}

  /** Writes durably: the content is on disk when this returns. */
  static void write(Path file, byte[] content) {
    write(file, content, true);
  }

  /**
   * Writes without fsync: for facts about live processes (running, a pid), which a power loss makes
   * stale anyway; the rename still keeps readers from seeing half a file.
   */
  static void writeVolatile(Path file, byte[] content) {
    write(file, content, false);
  }

  private static void write(Path file, byte[] content, boolean durable) {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    try {
      try (FileChannel ch =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        if (durable) {
          ch.force(true);
        }
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      if (durable) {
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
          dir.force(true);
        }
      }
    } catch (IOException e) {
      throw new RuntimeFailure("writing " + file + ": " + e.getMessage(), e);
    }
  }
}
