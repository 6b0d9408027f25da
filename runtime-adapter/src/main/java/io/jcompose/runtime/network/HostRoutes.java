package io.jcompose.runtime.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The subnets the host already routes ({@code /proc/net/route}), so that a pool subnet never
 * shadows a LAN, a VPN or a running Docker's {@code docker0}. The default route is left out: it
 * overlaps everything.
 */
final class HostRoutes {
  private final Path routeTable;

  HostRoutes(Path routeTable) {
    this.routeTable = routeTable;
  }

  static HostRoutes system() {
    return new HostRoutes(Path.of("/proc/net/route"));
  }

  List<Cidr> subnets() {
    List<String> lines;
    try {
      lines = Files.readAllLines(routeTable);
    } catch (IOException e) {
      return List.of();
    }
    List<Cidr> result = new ArrayList<>();
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 8) {
        continue;
      }
      // The kernel prints addresses as little-endian hex words.
      int dest = Integer.reverseBytes((int) Long.parseLong(f[1], 16));
      int mask = Integer.reverseBytes((int) Long.parseLong(f[7], 16));
      int prefix = Integer.bitCount(mask);
      if (prefix == 0) {
        continue;
      }
      result.add(new Cidr(dest, prefix));
    }
    return result;
  }
}
