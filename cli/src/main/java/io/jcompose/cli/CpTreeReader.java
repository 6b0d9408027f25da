package io.jcompose.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/** Reads a file or directory tree into a {@link CpEntrySink}; symlinks inside stay symlinks. */
final class CpTreeReader {

  private CpTreeReader() {}

  /** Sends {@code source} (already resolved, not followed when a symlink) named {@code ""}. */
  static void read(Path source, CpEntrySink sink) throws IOException {
    if (!ContainerRoot.isRealDirectory(source)) {
      one(source, "", sink);
      return;
    }
    Files.walkFileTree(
        source,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            sink.directory(nameOf(source, dir), attributes(dir));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            one(file, nameOf(source, file), sink);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void one(Path path, String name, CpEntrySink sink) throws IOException {
    CpEntrySink.Attributes attributes = attributes(path);
    if (Files.isSymbolicLink(path)) {
      sink.symlink(name, attributes, Files.readSymbolicLink(path).toString());
    } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
        sink.file(name, attributes, Files.size(path), in);
      }
    } else {
      // Devices, sockets and fifos: docker copies them, but nothing real needs them here.
      throw new IOException("cannot copy " + path.getFileName() + ": not a file, dir or symlink");
    }
  }

  private static String nameOf(Path top, Path p) {
    return top.relativize(p).toString();
  }

  static CpEntrySink.Attributes attributes(Path p) throws IOException {
    Map<String, Object> a =
        Files.readAttributes(p, "unix:mode,uid,gid,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
    return new CpEntrySink.Attributes(
        (Integer) a.get("mode") & 07777,
        (Integer) a.get("uid"),
        (Integer) a.get("gid"),
        (FileTime) a.get("lastModifiedTime"));
  }
}
