package io.jcompose.runtime.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an image's unpacked layers as overlayfs would show them merged, without mounting: upper
 * layers win, a 0/0 character device hides a lower entry, an opaque directory hides the lower
 * directories' content, and symlinks in the looked-up path resolve inside the image.
 *
 * <p>Public only so the volume store can fill a volume from an image; not an api.
 */
public final class MergedLayers {

  private static final int MAX_SYMLINK_HOPS = 40;

  private final List<Path> topFirst;

  /** The merged view of layer directories given lowest first (as {@code Image.layerDirs()}). */
  public MergedLayers(List<Path> layerDirsLowestFirst) {
    List<Path> reversed = new ArrayList<>(layerDirsLowestFirst);
    java.util.Collections.reverse(reversed);
    this.topFirst = List.copyOf(reversed);
  }

  /**
   * The layer directories (top first) that together make up the merged directory at {@code
   * containerPath}, or an empty list when the image has no directory there.
   */
  public List<Path> directory(String containerPath) throws IOException {
    List<String> pending = new ArrayList<>(LayerPath.components(normalise(containerPath)));
    List<String> resolved = new ArrayList<>();
    List<Path> dirs = topFirst;
    int hops = 0;
    while (!pending.isEmpty()) {
      String name = pending.remove(0);
      List<Path> next = new ArrayList<>();
      String symlink = null;
      for (Path dir : dirs) {
        Path entry = dir.resolve(name);
        if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        if (isWhiteout(entry)) {
          break;
        }
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          next.add(entry);
          if (isOpaque(entry)) {
            break;
          }
          continue;
        }
        if (next.isEmpty() && Files.isSymbolicLink(entry)) {
          symlink = Files.readSymbolicLink(entry).toString();
        }
        break; // a file or symlink hides what lower layers have at this name
      }
      if (symlink != null) {
        if (++hops > MAX_SYMLINK_HOPS) {
          throw new IOException("too many symlinks resolving " + containerPath + " in the image");
        }
        List<String> target =
            new ArrayList<>(
                LayerPath.components(
                    normalise(
                        symlink.startsWith("/")
                            ? symlink
                            : "/" + String.join("/", resolved) + "/" + symlink)));
        target.addAll(pending);
        pending = target;
        resolved.clear();
        dirs = topFirst;
        continue;
      }
      if (next.isEmpty()) {
        return List.of();
      }
      resolved.add(name);
      dirs = next;
    }
    return dirs;
  }

  /**
   * Copies the merged directory at {@code containerPath} into {@code destination} (an existing
   * directory), keeping owners, modes, times, symlinks, device nodes and xattrs; the destination
   * takes the owner and mode of the image's directory. Returns false when the image has no
   * directory there.
   */
  public boolean copyDirectory(String containerPath, Path destination) throws IOException {
    List<Path> dirs = directory(containerPath);
    if (dirs.isEmpty()) {
      return false;
    }
    copyChildren(dirs, destination);
    FileCopy.copyAttributes(dirs.get(0), destination);
    return true;
  }

  private void copyChildren(List<Path> dirs, Path destination) throws IOException {
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < dirs.size(); i++) {
      for (String name : names(dirs.get(i))) {
        if (!seen.add(name)) {
          continue;
        }
        Path entry = dirs.get(i).resolve(name);
        if (isWhiteout(entry)) {
          continue;
        }
        Path target = destination.resolve(name);
        if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          FileCopy.copyEntry(entry, target);
          continue;
        }
        List<Path> sub = new ArrayList<>(List.of(entry));
        for (int j = i + 1; j < dirs.size() && !isOpaque(sub.get(sub.size() - 1)); j++) {
          Path lower = dirs.get(j).resolve(name);
          if (!Files.isDirectory(lower, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(lower, LinkOption.NOFOLLOW_LINKS)) {
              break; // a lower non-directory ends the merge, as overlayfs does
            }
            continue;
          }
          sub.add(lower);
        }
        Files.createDirectory(target);
        copyChildren(sub, target);
        FileCopy.copyAttributes(entry, target);
      }
    }
  }

  private static List<String> names(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      entries.forEach(e -> names.add(e.getFileName().toString()));
    }
    names.sort(null);
    return names;
  }

  static boolean isWhiteout(Path entry) throws IOException {
    Map<String, Object> attrs =
        Files.readAttributes(entry, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
    return ((int) attrs.get("mode") & 0170000) == PosixFiles.S_IFCHR
        && (long) attrs.get("rdev") == 0;
  }

  static boolean isOpaque(Path dir) throws IOException {
    byte[] value = PosixFiles.getXattr(dir, LayerUnpacker.OPAQUE_XATTR);
    return value != null && Arrays.equals(value, "y".getBytes(StandardCharsets.US_ASCII));
  }

  private static String normalise(String path) {
    return Path.of("/").resolve(path).normalize().toString();
  }
}
