package io.jcompose.runtime.proxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds which process holds a host port: the socket inode from {@code /proc/net/tcp|udp} (and their
 * IPv6 twins), then the process with a {@code socket:[inode]} file descriptor. Best effort: a
 * process in another PID namespace or a kernel socket stays unknown.
 */
final class PortHolder {
  private PortHolder() {}

  /** {@code "pid 123 (nginx)"}, or null when it cannot be known. */
  static String describe(int port, String protocol) {
    String inode = inode(port, protocol);
    if (inode == null) {
      return null;
    }
    String target = "socket:[" + inode + "]";
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.toList()) {
        String pid = proc.getFileName().toString();
        if (!pid.chars().allMatch(Character::isDigit)) {
          continue;
        }
        if (holds(proc.resolve("fd"), target)) {
          return "pid " + pid + " (" + comm(proc) + ")";
        }
      }
    } catch (IOException e) {
      return null;
    }
    return null;
  }

  private static boolean holds(Path fdDir, String target) {
    try (Stream<Path> fds = Files.list(fdDir)) {
      for (Path fd : fds.toList()) {
        try {
          if (Files.readSymbolicLink(fd).toString().equals(target)) {
            return true;
          }
        } catch (IOException e) {
          // The fd closed while we looked: not this one.
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  private static String comm(Path proc) {
    try {
      return Files.readString(proc.resolve("comm")).strip();
    } catch (IOException e) {
      return "?";
    }
  }

  private static String inode(int port, String protocol) {
    String hexPort = String.format(":%04X", port);
    for (String table : List.of(protocol, protocol + "6")) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/net", table))) {
          String[] f = line.strip().split("\\s+");
          // TCP holders are listeners (state 0A); any bound UDP socket holds its port.
          boolean holding = protocol.equals("udp") || (f.length > 3 && f[3].equals("0A"));
          if (f.length > 9 && f[1].endsWith(hexPort) && holding) {
            return f[9];
          }
        }
      } catch (IOException e) {
        // No IPv6 table on this host.
      }
    }
    return null;
  }
}
