package io.jcompose.runtime.dns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The nameservers of a {@code resolv.conf}: where names the networks do not know are sent. */
public final class HostResolvers {
  private HostResolvers() {}

  /** The IPv4 {@code nameserver} entries of the file, in order; empty when it cannot be read. */
  public static List<String> read(Path resolvConf) {
    List<String> servers = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(resolvConf)) {
        String[] f = line.strip().split("\\s+");
        if (f.length >= 2 && f[0].equals("nameserver") && f[1].matches("[0-9.]+")) {
          servers.add(f[1]);
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    return servers;
  }
}
