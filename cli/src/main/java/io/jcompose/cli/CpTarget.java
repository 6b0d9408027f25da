package io.jcompose.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * docker cp's rules for where a source lands: a source copied into an existing directory lands
 * under its own name there, unless it ends in {@code /.} (then its content does); a missing
 * destination becomes the copy; a directory never replaces a file.
 */
final class CpTarget {

  private CpTarget() {}

  /** Whether the path names a directory's content ({@code dir/.}) rather than the directory. */
  static boolean contentOnly(String path) {
    return path.equals(".") || path.endsWith("/.");
  }

  /** The last name of a source path, ignoring trailing slashes and dots. */
  static String baseName(String path) {
    String p = path;
    while (p.endsWith("/") || p.endsWith("/.")) {
      p = p.endsWith("/") ? p.substring(0, p.length() - 1) : p.substring(0, p.length() - 2);
    }
    int slash = p.lastIndexOf('/');
    return slash < 0 ? p : p.substring(slash + 1);
  }

  /**
   * The path (in the destination's root) the source's top entry becomes.
   *
   * @param source the source path as typed
   * @param sourceIsDirectory whether it resolved to a directory
   * @param dest the destination path as typed
   * @param destRoot the destination's root
   */
  static String of(String source, boolean sourceIsDirectory, String dest, ContainerRoot destRoot)
      throws IOException {
    Path destHost = destRoot.resolve(dest, true);
    boolean destExists = Files.exists(destHost);
    boolean destIsDirectory = Files.isDirectory(destHost);
    if (destIsDirectory) {
      if (sourceIsDirectory && contentOnly(source)) {
        return dest;
      }
      String base = baseName(source);
      return dest.endsWith("/") ? dest + base : dest + "/" + base;
    }
    if (destExists) {
      if (sourceIsDirectory) {
        throw new CliException("cannot copy a directory to a file: " + dest);
      }
      return dest;
    }
    if (dest.endsWith("/") && !sourceIsDirectory) {
      throw new CliException("destination directory " + dest + " does not exist");
    }
    String trimmed =
        dest.endsWith("/") && dest.length() > 1 ? dest.substring(0, dest.length() - 1) : dest;
    int slash = trimmed.lastIndexOf('/');
    String parent = slash < 0 ? "." : slash == 0 ? "/" : trimmed.substring(0, slash);
    if (!Files.isDirectory(destRoot.resolve(parent, true))) {
      throw new CliException(
          "no such directory: " + parent + " (the destination's parent must exist)");
    }
    return trimmed;
  }
}
