package io.jcompose.cli.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Kernel objects a stack leaves on the host when {@code down} is incomplete: veth and bridge links,
 * mounts and cgroups. Each query reads the host as it is now.
 */
final class HostLeftovers {

  private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");
  private static final int CGROUP_DEPTH = 7;

  private HostLeftovers() {}

  /** Names of the veth and bridge links of the host's network namespace. */
  static Set<String> vethAndBridgeLinks() {
    Set<String> names = new TreeSet<>();
    for (String type : List.of("veth", "bridge")) {
      for (String line : run("ip", "-o", "link", "show", "type", type).split("\n")) {
        // "12: vethab12@if11: <BROADCAST,...> ..." -> "vethab12"
        String[] fields = line.split(": ", 3);
        if (fields.length >= 2) {
          names.add(fields[1].split("@", 2)[0].trim());
        }
      }
    }
    return names;
  }

  /** Mount points (from /proc/self/mountinfo) whose path or root contains one of the needles. */
  static List<String> mountsMentioning(Collection<String> needles) {
    List<String> hits = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        String[] fields = line.split(" ");
        if (fields.length > 4 && containsAny(fields[3] + " " + fields[4], needles)) {
          hits.add(fields[4]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hits;
  }

  /** Cgroup directories, in every hierarchy, whose name contains one of the needles. */
  static List<String> cgroupsMentioning(Collection<String> needles) {
    List<String> hits = new ArrayList<>();
    if (needles.isEmpty()) {
      return hits;
    }
    try {
      Files.walkFileTree(
          CGROUP_ROOT,
          Set.of(),
          CGROUP_DEPTH,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (dir.getFileName() != null && containsAny(dir.getFileName().toString(), needles)) {
                hits.add(dir.toString());
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE; // a cgroup removed while we walk
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hits;
  }

  private static boolean containsAny(String text, Collection<String> needles) {
    for (String needle : needles) {
      if (!needle.isEmpty() && text.contains(needle)) {
        return true;
      }
    }
    return false;
  }

  private static String run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
