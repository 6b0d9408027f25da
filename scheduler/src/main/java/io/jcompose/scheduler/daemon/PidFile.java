package io.jcompose.scheduler.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;

/** The daemon's pid file ({@code jcompose.pid} in the run directory), written atomically. */
public final class PidFile {

  /** Its name in the run directory. */
  public static final String NAME = "jcompose.pid";

  private PidFile() {}

  /** Writes {@code pid} to a temporary file, then renames it into place. */
  static void write(Path file, long pid) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, pid + "\n", StandardCharsets.US_ASCII);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The pid recorded in {@code file}, if it exists and holds a number. */
  public static OptionalLong read(Path file) {
    try {
      return OptionalLong.of(Long.parseLong(Files.readString(file).trim()));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** The pid of a live process recorded in {@code file}, if any. */
  public static OptionalLong readAlive(Path file) {
    OptionalLong pid = read(file);
    if (pid.isPresent()
        && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false)) {
      return pid;
    }
    return OptionalLong.empty();
  }
}
