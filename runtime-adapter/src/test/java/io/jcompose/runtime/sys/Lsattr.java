package io.jcompose.runtime.sys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a directory's ext2/3/4 attributes with e2fsprogs' {@code lsattr}, independent of ours. */
public final class Lsattr {
  private Lsattr() {}

  /** True when the file system of {@code dir} has the Orlov flags: ext2, ext3 or ext4. */
  public static boolean onExtFileSystem(Path dir) throws IOException {
    Path existing = dir;
    while (!Files.exists(existing)) {
      existing = existing.getParent();
    }
    return Files.getFileStore(existing).type().startsWith("ext");
  }

  /** True when {@code lsattr -d} shows the {@code T} (top of directory hierarchy) attribute. */
  public static boolean isTopDirectory(Path dir) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("lsattr", "-d", dir.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (p.waitFor() != 0) {
      throw new IOException("lsattr -d " + dir + " failed: " + out);
    }
    return out.split("\\s+", 2)[0].contains("T");
  }
}
