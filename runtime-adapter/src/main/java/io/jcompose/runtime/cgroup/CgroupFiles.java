package io.jcompose.runtime.cgroup;

import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading and writing the small text files of a cgroup. */
final class CgroupFiles {
  private CgroupFiles() {}

  static void write(Path file, String value) {
    try {
      Files.writeString(file, value, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new RuntimeFailure(
          "cgroup: writing " + value + " to " + file + " failed: " + e.getMessage(), e);
    }
  }

  static String read(Path file) {
    try (var in = Files.newInputStream(file)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      throw new RuntimeFailure("cgroup: reading " + file + " failed: " + e.getMessage(), e);
    }
  }

  /** A number, or 0 when the file is missing or says {@code max}. */
  static long readLong(Path file) {
    try (var in = Files.newInputStream(file)) {
      String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
      return text.equals("max") || text.isEmpty() ? 0 : Long.parseLong(text);
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException | NumberFormatException e) {
      throw new RuntimeFailure("cgroup: reading " + file + " failed: " + e.getMessage(), e);
    }
  }

  /** The value of {@code key} in a flat-keyed file ({@code key value} lines), or 0. */
  static long readKey(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
        String[] kv = line.trim().split("\\s+");
        if (kv.length == 2 && kv[0].equals(key)) {
          return Long.parseLong(kv[1]);
        }
      }
      return 0;
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new RuntimeFailure("cgroup: reading " + file + " failed: " + e.getMessage(), e);
    }
  }

  static List<Long> pids(Path procs) {
    List<Long> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(procs, StandardCharsets.US_ASCII)) {
        if (!line.isBlank()) {
          out.add(Long.parseLong(line.trim()));
        }
      }
    } catch (NoSuchFileException e) {
      return out;
    } catch (IOException e) {
      throw new RuntimeFailure("cgroup: reading " + procs + " failed: " + e.getMessage(), e);
    }
    return out;
  }

  static void mkdir(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new RuntimeFailure("cgroup: creating " + dir + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Removes an empty cgroup directory, retrying while the kernel still counts exiting tasks.
   * Returns quietly when it is already gone.
   */
  static void rmdir(Path dir) {
    for (int attempt = 0; ; attempt++) {
      try {
        Files.deleteIfExists(dir);
        return;
      } catch (IOException e) {
        if (attempt >= 50) {
          throw new RuntimeFailure(
              "cgroup: removing " + dir + " failed: " + e.getMessage() + " (processes left?)", e);
        }
        sleep(20);
      }
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuntimeFailure("interrupted", e);
    }
  }
}
