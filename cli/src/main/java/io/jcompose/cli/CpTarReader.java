package io.jcompose.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.attribute.FileTime;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads a tar stream ({@code cp - SERVICE:DEST}) into a sink, entry by entry. */
final class CpTarReader {

  private CpTarReader() {}

  static void read(InputStream in, CpEntrySink sink) throws IOException {
    TarArchiveInputStream tar = new TarArchiveInputStream(in);
    TarArchiveEntry entry;
    while ((entry = tar.getNextEntry()) != null) {
      String name = clean(entry.getName());
      if (name == null) {
        throw new IOException("tar entry " + entry.getName() + " points outside the destination");
      }
      CpEntrySink.Attributes attributes =
          new CpEntrySink.Attributes(
              entry.getMode() & 07777,
              (int) entry.getLongUserId(),
              (int) entry.getLongGroupId(),
              FileTime.fromMillis(entry.getModTime().getTime()));
      if (entry.isDirectory()) {
        sink.directory(name, attributes);
      } else if (entry.isSymbolicLink()) {
        sink.symlink(name, attributes, entry.getLinkName());
      } else if (entry.isFile()) {
        sink.file(name, attributes, entry.getSize(), tar);
      }
      // Hard links, devices and fifos are skipped: nothing real in a cp stream needs them.
    }
  }

  /** The entry name without "./" and trailing "/", or null when it climbs with "..". */
  static String clean(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        return null;
      }
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(part);
    }
    return out.toString();
  }
}
