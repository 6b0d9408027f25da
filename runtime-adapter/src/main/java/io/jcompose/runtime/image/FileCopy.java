package io.jcompose.runtime.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/** Copies one file system entry with everything a layer cares about; never follows symlinks. */
final class FileCopy {

  private FileCopy() {}

  /** Copies a non-directory entry (file, symlink, device node, fifo, socket skipped). */
  static void copyEntry(Path source, Path target) throws IOException {
    Map<String, Object> attrs =
        Files.readAttributes(source, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
    int mode = (int) attrs.get("mode");
    int type = mode & 0170000;
    if (Files.isSymbolicLink(source)) {
      Files.createSymbolicLink(target, Files.readSymbolicLink(source));
    } else if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
      Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    } else if (type == PosixFiles.S_IFCHR
        || type == PosixFiles.S_IFBLK
        || type == PosixFiles.S_IFIFO) {
      PosixFiles.mknod(target, mode, (long) attrs.get("rdev"));
    } else {
      return; // sockets belong to a running process, not to image content
    }
    copyAttributes(source, target);
  }

  /** Owner, full mode (not for symlinks), xattrs except overlay's own, then times. */
  static void copyAttributes(Path source, Path target) throws IOException {
    Map<String, Object> attrs =
        Files.readAttributes(
            source, "unix:uid,gid,mode,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
    PosixFiles.lchown(target, (int) attrs.get("uid"), (int) attrs.get("gid"));
    boolean symlink = Files.isSymbolicLink(source);
    if (!symlink) {
      PosixFiles.chmod(target, (int) attrs.get("mode"));
      for (String name : PosixFiles.listXattrs(source)) {
        if (!name.startsWith("trusted.overlay.")) {
          byte[] value = PosixFiles.getXattr(source, name);
          if (value != null) {
            PosixFiles.setXattr(target, name, value);
          }
        }
      }
    }
    PosixFiles.setTimes(target, ((FileTime) attrs.get("lastModifiedTime")).toInstant());
  }
}
