package io.jcompose.runtime.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about host processes from {@code /proc}. */
final class ProcessTable {
  private ProcessTable() {}

  /** A process's start time in clock ticks after boot, or -1 when it does not exist. */
  static long startTicks(int pid) {
    try {
      String stat;
      // Read to EOF: procfs reports size 0, which size-based readers may trust.
      try (var in = Files.newInputStream(Path.of("/proc", Integer.toString(pid), "stat"))) {
        stat = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
      }
      // The command name may contain spaces and parentheses: fields start after the last ')'.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      if (fields[0].equals("Z")) {
        return -1;
      }
      return Long.parseLong(fields[19]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Whether the process that had this start time still runs (not a reused pid, not a zombie). */
  static boolean alive(int pid, long startTicks) {
    return pid > 0 && startTicks > 0 && startTicks(pid) == startTicks;
  }
}
