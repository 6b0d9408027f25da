package io.jcompose.runtime.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks one layer tar (gzip, zstd or plain) into an empty directory in the form overlayfs reads:
 * OCI whiteouts {@code .wh.NAME} become 0/0 character devices, {@code .wh..wh..opq} becomes the
 * {@code trusted.overlay.opaque=y} xattr on its directory. Modes, owners, symlinks, hardlinks,
 * device nodes and mtimes are kept. Returns the diff id (sha256 of the uncompressed tar).
 */
final class LayerUnpacker {

  static final String WHITEOUT_PREFIX = ".wh.";
  static final String OPAQUE_MARKER = ".wh..wh..opq";
  static final String OPAQUE_XATTR = "trusted.overlay.opaque";
  private static final String PAX_XATTR = "SCHILY.xattr.";

  /** What unpacking produced. */
  record Result(String diffId, long sizeBytes) {}

  private LayerUnpacker() {}

  /** Unpacks {@code compressed} into {@code root}, which must exist and be empty. */
  static Result unpack(InputStream compressed, Path root) throws IOException {
    MessageDigest digest = Digests.sha256();
    InputStream tarStream = new DigestInputStream(Compression.decompress(compressed), digest);
    long size = 0;
    // Directory times are set last: writing their children would change them again.
    Deque<TarArchiveEntry> dirs = new ArrayDeque<>();
    Deque<Path> dirPaths = new ArrayDeque<>();
    TarTailPadding padded = new TarTailPadding(tarStream);
    TarArchiveInputStream tar = new TarArchiveInputStream(padded, StandardCharsets.UTF_8.name());
    for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
      List<String> parts = LayerPath.components(entry.getName());
      if (!parts.isEmpty() && parts.get(parts.size() - 1).startsWith(WHITEOUT_PREFIX)) {
        writeWhiteout(root, parts, entry.getName());
        continue;
      }
      Path target = LayerPath.resolveForWrite(root, parts, entry.getName());
      if (entry.isDirectory()) {
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
          FileTrees.deleteIfExists(target);
          Files.createDirectory(target);
        }
        dirs.push(entry);
        dirPaths.push(target);
        applyOwnerAndMode(target, entry);
        applyXattrs(target, entry);
        continue;
      }
      if (parts.isEmpty()) {
        throw new IOException("tar entry '" + entry.getName() + "' names the layer root as a file");
      }
      FileTrees.deleteIfExists(target);
      if (entry.isSymbolicLink()) {
        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
      } else if (entry.isLink()) {
        Path source = LayerPath.resolveExisting(root, LayerPath.components(entry.getLinkName()));
        if (source == null || Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
          throw new IOException(
              "tar entry '"
                  + entry.getName()
                  + "' hard-links to '"
                  + entry.getLinkName()
                  + "', which is not an earlier file of the layer");
        }
        Files.createLink(target, source);
        continue; // a hardlink shares its source's inode: owner, mode and time are already there
      } else if (entry.isCharacterDevice() || entry.isBlockDevice()) {
        int type = entry.isCharacterDevice() ? PosixFiles.S_IFCHR : PosixFiles.S_IFBLK;
        PosixFiles.mknod(
            target,
            type | (entry.getMode() & 07777),
            PosixFiles.makedev(entry.getDevMajor(), entry.getDevMinor()));
      } else if (entry.isFIFO()) {
        PosixFiles.mknod(target, PosixFiles.S_IFIFO | (entry.getMode() & 07777), 0);
      } else if (entry.isFile()) {
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
          size += tar.transferTo(out);
        }
        if (padded.synthesized()) {
          throw new IOException(
              "tar entry '" + entry.getName() + "' is cut short: the layer is truncated");
        }
      } else {
        throw new IOException(
            "tar entry '"
                + entry.getName()
                + "' has an unsupported type '"
                + (char) entry.getLinkFlag()
                + "'");
      }
      applyOwnerAndMode(target, entry);
      applyXattrs(target, entry);
      setTime(target, entry);
    }
    tarStream.transferTo(OutputStream.nullOutputStream()); // the diff id covers the padding too
    while (!dirs.isEmpty()) {
      setTime(dirPaths.pop(), dirs.pop());
    }
    return new Result(Digests.format(digest), size);
  }

  private static void writeWhiteout(Path root, List<String> parts, String entryName)
      throws IOException {
    Path target = LayerPath.resolveForWrite(root, parts, entryName);
    Path dir = target.getParent();
    String name = parts.get(parts.size() - 1);
    if (name.equals(OPAQUE_MARKER)) {
      PosixFiles.setXattr(dir, OPAQUE_XATTR, "y".getBytes(StandardCharsets.US_ASCII));
      return;
    }
    String hidden = name.substring(WHITEOUT_PREFIX.length());
    if (hidden.isEmpty() || hidden.equals(".") || hidden.equals("..")) {
      throw new IOException("tar entry '" + entryName + "' is a whiteout without a name");
    }
    Path whiteout = dir.resolve(hidden);
    // A whiteout hides lower layers only; an entry of this same layer keeps its place.
    if (!Files.exists(whiteout, LinkOption.NOFOLLOW_LINKS)) {
      PosixFiles.mknod(whiteout, PosixFiles.S_IFCHR, 0);
    }
  }

  private static void applyOwnerAndMode(Path target, TarArchiveEntry entry) throws IOException {
    PosixFiles.lchown(target, (int) entry.getLongUserId(), (int) entry.getLongGroupId());
    if (!entry.isSymbolicLink()) {
      // after lchown: chown clears setuid/setgid bits
      PosixFiles.chmod(target, entry.getMode());
    }
  }

  /**
   * File capabilities and {@code user.*} xattrs from PAX {@code SCHILY.xattr.} records; never
   * {@code trusted.*} (a layer must not set overlay's own attributes). Commons Compress hands PAX
   * values over as UTF-8 text, so a binary value that did not survive decoding is skipped.
   */
  private static void applyXattrs(Path target, TarArchiveEntry entry) throws IOException {
    if (entry.isSymbolicLink()) {
      return;
    }
    for (var header : entry.getExtraPaxHeaders().entrySet()) {
      if (!header.getKey().startsWith(PAX_XATTR)) {
        continue;
      }
      String name = header.getKey().substring(PAX_XATTR.length());
      String value = header.getValue();
      if ((name.equals("security.capability") || name.startsWith("user."))
          && value.indexOf('\uFFFD') < 0) {
        PosixFiles.setXattr(target, name, value.getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static void setTime(Path target, TarArchiveEntry entry) throws IOException {
    PosixFiles.setTimes(target, entry.getModTime().toInstant());
  }
}
