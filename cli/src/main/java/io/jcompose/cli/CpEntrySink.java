package io.jcompose.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.attribute.FileTime;

/**
 * Where {@code cp} writes what it reads: entries named relative to the copy's target ({@code ""} is
 * the target itself), parents before children.
 */
interface CpEntrySink {

  /** Mode bits, owner and modification time of one entry. */
  record Attributes(int mode, int uid, int gid, FileTime modified) {}

  void directory(String name, Attributes attributes) throws IOException;

  void file(String name, Attributes attributes, long size, InputStream content) throws IOException;

  void symlink(String name, Attributes attributes, String target) throws IOException;
}
