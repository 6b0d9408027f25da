package io.jcompose.runtime.linux;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Facts about host processes from {@code /proc}. */
final class ProcessTable {
  /** What {@link #startTicks} returns for a process that does not exist or is a zombie. */
  static final long GONE = -1;

  private static final Path PROC = Path.of("/proc");

  private ProcessTable() {}

  /**
   * A process's start time in clock ticks after boot, or {@link #GONE}. A read that fails for any
   * other reason (out of file descriptors, say) throws: it says nothing about the process.
   */
  static long startTicks(int pid) {
    return startTicks(PROC, pid);
  }

  static long startTicks(Path proc, int pid) {
    String stat;
    InputStream in;
    try {
      in = Files.newInputStream(proc.resolve(Integer.toString(pid)).resolve("stat"));
    } catch (NoSuchFileException e) {
      return GONE;
    } catch (IOException e) {
      throw new UncheckedIOException("reading /proc/" + pid + "/stat", e);
    }
    // Read to EOF: procfs reports size 0, which size-based readers may trust. Once open, a read
    // fails only when the process has exited in between (ESRCH).
    try (in) {
      stat = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return GONE;
    }
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return fields[0].equals("Z") ? GONE : Long.parseLong(fields[19]);
  }

  /**
   * Whether the process that had this start time still runs (not a reused pid, not a zombie). When
   * /proc cannot be read it counts as running: a container is never declared dead (and its exit
   * lost) without /proc saying so; the next check decides.
   */
  static boolean alive(int pid, long startTicks) {
    return alive(PROC, pid, startTicks);
  }

  static boolean alive(Path proc, int pid, long startTicks) {
    if (pid <= 0 || startTicks <= 0) {
      return false;
    }
    try {
      return startTicks(proc, pid) == startTicks;
    } catch (UncheckedIOException e) {
      return true;
    }
  }
}
