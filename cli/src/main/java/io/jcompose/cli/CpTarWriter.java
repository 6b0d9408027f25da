package io.jcompose.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Date;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Writes entries as a tar stream ({@code cp SERVICE:SRC -}), each named under a prefix. */
final class CpTarWriter implements CpEntrySink, AutoCloseable {

  private final TarArchiveOutputStream tar;
  private final String prefix;

  /** {@code prefix}: the name of the entry named {@code ""}; empty to leave it out (dir/.). */
  CpTarWriter(OutputStream out, String prefix) {
    this.tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    this.prefix = prefix;
  }

  @Override
  public void directory(String name, Attributes attributes) throws IOException {
    String full = nameOf(name);
    if (full.isEmpty()) {
      return;
    }
    TarArchiveEntry entry = new TarArchiveEntry(full + "/");
    put(entry, attributes);
    tar.closeArchiveEntry();
  }

  @Override
  public void file(String name, Attributes attributes, long size, InputStream content)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(nameOf(name));
    entry.setSize(size);
    put(entry, attributes);
    // Copy exactly the size announced, even if the file grows meanwhile.
    long left = size;
    byte[] buffer = new byte[64 * 1024];
    while (left > 0) {
      int n = content.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException(name + " shrank while it was copied");
      }
      tar.write(buffer, 0, n);
      left -= n;
    }
    tar.closeArchiveEntry();
  }

  @Override
  public void symlink(String name, Attributes attributes, String target) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(nameOf(name), TarConstants.LF_SYMLINK);
    entry.setLinkName(target);
    put(entry, attributes);
    tar.closeArchiveEntry();
  }

  private void put(TarArchiveEntry entry, Attributes attributes) throws IOException {
    entry.setMode((entry.getMode() & ~07777) | attributes.mode());
    entry.setUserId(attributes.uid());
    entry.setGroupId(attributes.gid());
    if (attributes.modified() != null) {
      // Whole seconds: a fraction would make the POSIX mode add a PAX header to every entry.
      entry.setModTime(new Date(attributes.modified().toMillis() / 1000 * 1000));
    }
    tar.putArchiveEntry(entry);
  }

  private String nameOf(String name) {
    if (prefix.isEmpty()) {
      return name;
    }
    return name.isEmpty() ? prefix : prefix + "/" + name;
  }

  @Override
  public void close() throws IOException {
    tar.finish();
    tar.flush();
  }
}
