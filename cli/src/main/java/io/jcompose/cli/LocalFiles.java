package io.jcompose.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths the CLI hands to the daemon, which runs on the same host: absolute and checked. */
final class LocalFiles {

  private LocalFiles() {}

  static Path readable(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    if (!Files.isReadable(absolute)) {
      throw new CliException(file + ": no such file or not readable");
    }
    return absolute;
  }
}
