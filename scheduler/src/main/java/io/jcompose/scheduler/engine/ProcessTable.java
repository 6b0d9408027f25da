package io.jcompose.scheduler.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The processes under a host pid, read from {@code /proc} (for {@code top}). Blocking: call from a
 * worker.
 */
final class ProcessTable {

  static final List<String> TITLES = List.of("UID", "PID", "PPID", "CMD");

  private ProcessTable() {}

  /** One row per process in the tree rooted at {@code rootPid}, root first. */
  static List<List<String>> tree(int rootPid) {
    Map<Integer, Integer> parent = new HashMap<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      procs
          .map(p -> p.getFileName().toString())
          .filter(n -> n.chars().allMatch(Character::isDigit))
          .forEach(
              n -> {
                int ppid = ppid(Integer.parseInt(n));
                if (ppid >= 0) {
                  parent.put(Integer.parseInt(n), ppid);
                }
              });
    } catch (IOException e) {
      return List.of();
    }
    List<List<String>> rows = new ArrayList<>();
    List<Integer> todo = new ArrayList<>(List.of(rootPid));
    while (!todo.isEmpty()) {
      int pid = todo.remove(0);
      if (!parent.containsKey(pid)) {
        continue;
      }
      rows.add(
          List.of(uid(pid), Integer.toString(pid), Integer.toString(parent.get(pid)), cmd(pid)));
      parent.forEach(
          (child, p) -> {
            if (p == pid) {
              todo.add(child);
            }
          });
    }
    return rows;
  }

  private static int ppid(int pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
      String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Integer.parseInt(rest[1]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static String uid(int pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Integer.toString(pid), "status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[1];
        }
      }
    } catch (IOException e) {
      // the process ended meanwhile
    }
    return "?";
  }

  private static String cmd(int pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Integer.toString(pid), "cmdline"));
      return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
    } catch (IOException e) {
      return "";
    }
  }
}
