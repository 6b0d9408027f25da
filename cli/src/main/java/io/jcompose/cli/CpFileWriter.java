package io.jcompose.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Writes entries under a target path inside a {@link ContainerRoot}. Each entry's parent is
 * resolved again inside the root, so a symlink met on the way (even one the copy itself wrote)
 * cannot lead outside it. Owners are kept only with {@code --archive}; otherwise new entries belong
 * to the caller (root), as docker cp does.
 */
final class CpFileWriter implements CpEntrySink {

  private final ContainerRoot root;
  private final String target;
  private final boolean keepOwner;

  /** {@code target}: the container path the entry named {@code ""} becomes. */
  CpFileWriter(ContainerRoot root, String target, boolean keepOwner) {
    this.root = root;
    this.target = target;
    this.keepOwner = keepOwner;
  }

  @Override
  public void directory(String name, Attributes attributes) throws IOException {
    Path host = place(name);
    if (Files.isDirectory(host)) {
      // An existing directory (or a symlink to one, as docker follows it) is merged into.
      host = root.resolve(containerPath(name), true);
    } else if (Files.exists(host, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(
          "cannot overwrite non-directory " + containerPath(name) + " with a directory");
    } else {
      Files.createDirectory(host);
    }
    finish(host, attributes);
  }

  @Override
  public void file(String name, Attributes attributes, long size, InputStream content)
      throws IOException {
    Path host = place(name);
    if (ContainerRoot.isRealDirectory(host)) {
      throw new IOException(
          "cannot overwrite directory " + containerPath(name) + " with a non-directory");
    }
    // Replacing (not writing through) an existing symlink keeps the write inside the root.
    Files.deleteIfExists(host);
    Files.copy(content, host, StandardCopyOption.REPLACE_EXISTING);
    finish(host, attributes);
  }

  @Override
  public void symlink(String name, Attributes attributes, String linkTarget) throws IOException {
    Path host = place(name);
    if (ContainerRoot.isRealDirectory(host)) {
      throw new IOException(
          "cannot overwrite directory " + containerPath(name) + " with a non-directory");
    }
    Files.deleteIfExists(host);
    Files.createSymbolicLink(host, Path.of(linkTarget));
    if (keepOwner) {
      Files.setAttribute(host, "unix:uid", attributes.uid(), LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(host, "unix:gid", attributes.gid(), LinkOption.NOFOLLOW_LINKS);
    }
  }

  /** The host path of an entry: its parent followed inside the root, its own name not. */
  private Path place(String name) throws IOException {
    String path = containerPath(name);
    int slash = path.lastIndexOf('/');
    String parent = slash <= 0 ? "/" : path.substring(0, slash);
    String own = path.substring(slash + 1);
    Path parentHost = root.resolve(parent, true);
    if (!Files.isDirectory(parentHost)) {
      throw new IOException("no such directory: " + parent);
    }
    if (own.isEmpty() || own.equals(".") || own.equals("..")) {
      return parentHost;
    }
    return parentHost.resolve(own);
  }

  private String containerPath(String name) {
    if (name.isEmpty()) {
      return target;
    }
    for (String part : name.split("/")) {
      if (part.equals("..")) {
        throw new IllegalArgumentException("entry name leaves the target: " + name);
      }
    }
    return target.endsWith("/") ? target + name : target + "/" + name;
  }

  private void finish(Path host, Attributes attributes) throws IOException {
    Files.setPosixFilePermissions(host, permissions(attributes.mode()));
    if (keepOwner) {
      Files.setAttribute(host, "unix:uid", attributes.uid(), LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(host, "unix:gid", attributes.gid(), LinkOption.NOFOLLOW_LINKS);
    }
    if (attributes.modified() != null) {
      Files.setLastModifiedTime(host, attributes.modified());
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = PosixFilePermission.values(); // OWNER_READ … OTHERS_EXECUTE
    for (int i = 0; i < 9; i++) {
      if ((mode & (0400 >> i)) != 0) {
        set.add(order[i]);
      }
    }
    return set;
  }
}
