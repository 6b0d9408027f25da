package io.jcompose.runtime.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a tar entry name onto a path inside a layer directory, refusing any name that would land
 * outside it: {@code ..} components, and parents that are symlinks (a symlink {@code a -> /etc}
 * followed by an entry {@code a/passwd} would otherwise write the host's file).
 */
final class LayerPath {

  private LayerPath() {}

  /** The entry's path components after dropping {@code .}, empty parts and a leading slash. */
  static List<String> components(String entryName) throws IOException {
    List<String> parts = new ArrayList<>();
    for (String part : entryName.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        throw new IOException("tar entry '" + entryName + "' escapes the layer through '..'");
      }
      if (part.indexOf('\0') >= 0) {
        throw new IOException("tar entry '" + entryName + "' contains a NUL byte");
      }
      parts.add(part);
    }
    return parts;
  }

  /**
   * The location of {@code parts} under {@code root}, after checking that no existing parent is a
   * symlink; missing parents are created as directories (mode 0755, as tar does).
   */
  static Path resolveForWrite(Path root, List<String> parts, String entryName) throws IOException {
    Path current = root;
    for (int i = 0; i < parts.size() - 1; i++) {
      current = current.resolve(parts.get(i));
      if (Files.isSymbolicLink(current)) {
        throw new IOException(
            "tar entry '"
                + entryName
                + "' goes through the symlink '"
                + root.relativize(current)
                + "'; layers may not write through symlinks");
      }
      if (!Files.exists(current, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(current);
      } else if (!Files.isDirectory(current, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException(
            "tar entry '"
                + entryName
                + "' needs '"
                + root.relativize(current)
                + "' to be a directory, but the layer has a file there");
      }
    }
    return parts.isEmpty() ? root : current.resolve(parts.get(parts.size() - 1));
  }

  /**
   * The location of an existing entry (a hardlink's source) under {@code root}, or null when it is
   * missing; no parent may be a symlink, and nothing is created.
   */
  static Path resolveExisting(Path root, List<String> parts) {
    Path current = root;
    for (int i = 0; i < parts.size(); i++) {
      current = current.resolve(parts.get(i));
      boolean last = i == parts.size() - 1;
      if (!Files.exists(current, java.nio.file.LinkOption.NOFOLLOW_LINKS)
          || (!last && !Files.isDirectory(current, java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
        return null;
      }
    }
    return current;
  }
}
