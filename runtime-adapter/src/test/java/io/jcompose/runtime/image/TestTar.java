package io.jcompose.runtime.image;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds tar archives in tests, entry by entry, with Commons Compress. */
final class TestTar {

  static final Instant MTIME = Instant.parse("2021-03-04T05:06:07Z");

  private final List<TarArchiveEntry> entries = new ArrayList<>();
  private final List<byte[]> contents = new ArrayList<>();

  static TestTar create() {
    return new TestTar();
  }

  TestTar dir(String name) {
    return dir(name, 0755, 0, 0);
  }

  TestTar dir(String name, int mode, int uid, int gid) {
    TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
    e.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~07777 | mode);
    return add(e, null, uid, gid);
  }

  TestTar file(String name, String content) {
    return file(name, content, 0644, 0, 0);
  }

  TestTar file(String name, String content, int mode, int uid, int gid) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~07777 | mode);
    e.setSize(bytes.length);
    return add(e, bytes, uid, gid);
  }

  TestTar bytes(String name, byte[] bytes) {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(bytes.length);
    return add(e, bytes, 0, 0);
  }

  TestTar symlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
    e.setLinkName(target);
    return add(e, null, 0, 0);
  }

  TestTar hardlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK);
    e.setLinkName(target);
    return add(e, null, 0, 0);
  }

  TestTar charDevice(String name, int major, int minor) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_CHR);
    e.setDevMajor(major);
    e.setDevMinor(minor);
    e.setMode(0020666);
    return add(e, null, 0, 0);
  }

  TestTar fifo(String name) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_FIFO);
    e.setMode(0010644);
    return add(e, null, 0, 0);
  }

  TestTar whiteout(String path) {
    int slash = path.lastIndexOf('/');
    String name =
        slash < 0
            ? ".wh." + path
            : path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1);
    return file(name, "");
  }

  TestTar opaque(String dir) {
    return file(dir + "/.wh..wh..opq", "");
  }

  TestTar custom(TarArchiveEntry entry, byte[] content) {
    entries.add(entry);
    contents.add(content);
    return this;
  }

  private TestTar add(TarArchiveEntry e, byte[] content, int uid, int gid) {
    e.setUserId(uid);
    e.setGroupId(gid);
    e.setModTime(Date.from(MTIME));
    entries.add(e);
    contents.add(content);
    return this;
  }

  byte[] toBytes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out);
    return out.toByteArray();
  }

  byte[] gzip() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      write(gz);
    }
    return out.toByteArray();
  }

  byte[] zstd() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZstdOutputStream z = new ZstdOutputStream(out)) {
      write(z);
    }
    return out.toByteArray();
  }

  Path writeTo(Path file) throws IOException {
    Files.write(file, toBytes());
    return file;
  }

  private void write(OutputStream raw) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(raw);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    for (int i = 0; i < entries.size(); i++) {
      tar.putArchiveEntry(entries.get(i));
      if (contents.get(i) != null) {
        tar.write(contents.get(i));
      }
      tar.closeArchiveEntry();
    }
    tar.finish();
  }

  /** A tar of several whole files (archives like docker save), built by a callback. */
  static byte[] archive(Consumer<TestTar> build) throws IOException {
    TestTar tar = create();
    build.accept(tar);
    return tar.toBytes();
  }
}
