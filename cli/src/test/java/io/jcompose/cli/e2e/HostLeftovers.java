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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Kernel objects a stack leaves on the host when {@code down} is incomplete: veth and bridge links,
 * their networks' nft tables, mounts and cgroups. Each query reads the host as it is now.
 */
final class HostLeftovers {

  private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");
  private static final int CGROUP_DEPTH = 7;

  private HostLeftovers() {}

  private static final Pattern LINK_LINE = Pattern.compile("^(\\d+): ([^:@ ]+)(@\\S+)?: .*");
  private static final Pattern PEER_INDEX = Pattern.compile("^\\d+: [^:@ ]+@if(\\d+): .*");
  private static final Pattern MASTER = Pattern.compile(" master (\\S+) ");

  /**
   * The host links of the containers whose network namespaces are bound under {@code netnsDir}: the
   * host end of each veth pair (found from the container end's peer index) and the bridge it is
   * enslaved to. Exact even while other stacks run on the host.
   */
  static Set<String> linksOfNamespacesUnder(Path netnsDir) {
    Set<String> peerIndexes = new TreeSet<>();
    if (Files.isDirectory(netnsDir)) {
      try (Stream<Path> files = Files.list(netnsDir)) {
        for (Path ns : files.toList()) {
          String inside = run("nsenter", "--net=" + ns, "ip", "-o", "link", "show");
          for (String line : inside.split("\n")) {
            Matcher m = PEER_INDEX.matcher(line);
            if (m.matches()) {
              peerIndexes.add(m.group(1));
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Set<String> names = new TreeSet<>();
    for (String line : run("ip", "-o", "link", "show").split("\n")) {
      Matcher m = LINK_LINE.matcher(line);
      if (m.matches() && peerIndexes.contains(m.group(1))) {
        names.add(m.group(2));
        Matcher master = MASTER.matcher(line);
        if (master.find()) {
          names.add(master.group(1));
        }
      }
    }
    return names;
  }

  /** Which of {@code names} still exist as links of the host's network namespace. */
  static Set<String> linksStillPresent(Set<String> names) {
    Set<String> present = new TreeSet<>();
    for (String line : run("ip", "-o", "link", "show").split("\n")) {
      Matcher m = LINK_LINE.matcher(line);
      if (m.matches() && names.contains(m.group(2))) {
        present.add(m.group(2));
      }
    }
    return present;
  }

  /**
   * The nft tables of the networks whose bridges are among {@code links} (jcompose names a
   * network's table after its bridge) that exist now; empty where nft is not installed.
   */
  static Set<String> nftTablesOfBridges(Set<String> links) {
    Set<String> present = new TreeSet<>();
    if (!Files.isExecutable(Path.of("/usr/sbin/nft"))) {
      return present;
    }
    Set<String> tables = new TreeSet<>();
    for (String line : run("nft", "list", "tables").split("\n")) {
      if (line.startsWith("table ip ")) {
        tables.add(line.substring("table ip ".length()).strip());
      }
    }
    for (String link : links) {
      String table = "jcompose_" + link.substring(3);
      if (link.startsWith("jc-") && tables.contains(table)) {
        present.add(table);
      }
    }
    return present;
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
