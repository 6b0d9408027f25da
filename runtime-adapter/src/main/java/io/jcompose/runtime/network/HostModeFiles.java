package io.jcompose.runtime.network;

import io.jcompose.runtime.api.AttachSpec;
import io.jcompose.runtime.api.NetworkDriver.Attachment;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The files of a container that shares the host's network ({@code network_mode: host}), as Docker
 * gives them: the host's {@code /etc/hosts} with {@code extra_hosts} appended, the host's {@code
 * resolv.conf} with its nameserver, search and options lines each replaced when {@code dns}, {@code
 * dns_search} or {@code dns_opt} is set, and the container's hostname. Copies, written when the
 * container is created: later edits of the host's files do not reach it. No namespace and no DNS
 * names: on the network the container is the host.
 */
final class HostModeFiles {
  static final Path HOST_HOSTS = Path.of("/etc/hosts");

  /** On the host's network the host is reached on loopback. */
  static final String HOST_GATEWAY = "127.0.0.1";

  private HostModeFiles() {}

  static Attachment write(StateStore store, AttachSpec spec, Path hostResolvConf) {
    String what = "container " + spec.containerId() + ": files for network_mode host";
    StateStore.checkedName("container id", spec.containerId());
    String hosts = hosts(read(what, HOST_HOSTS), spec);
    String resolv = resolvConf(read(what, hostResolvConf), spec);
    Path dir;
    try {
      dir = store.createContainerDir(spec.containerId());
    } catch (IOException e) {
      throw new RuntimeFailure(what + ": " + e.getMessage(), e);
    }
    StateStore.writeVolatile(dir.resolve("hosts"), bytes(hosts));
    StateStore.writeVolatile(dir.resolve("resolv.conf"), bytes(resolv));
    StateStore.writeVolatile(dir.resolve("hostname"), bytes(spec.hostname() + "\n"));
    return new Attachment(
        null, List.of(), dir.resolve("hosts"), dir.resolve("resolv.conf"), dir.resolve("hostname"));
  }

  /** Whether {@code containerId} has the files of this class (and no attachment of its own). */
  static boolean isHostMode(StateStore store, String containerId) {
    Path dir = store.containerDir(containerId);
    return Files.exists(dir.resolve("hostname")) && !Files.exists(dir.resolve("attachment.json"));
  }

  static String hosts(String hostHosts, AttachSpec spec) {
    StringBuilder b = new StringBuilder(hostHosts);
    if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
      b.append('\n');
    }
    for (String entry : spec.extraHosts()) {
      b.append(ContainerFiles.extraHost(entry, HOST_GATEWAY)).append('\n');
    }
    return b.toString();
  }

  static String resolvConf(String hostResolv, AttachSpec spec) {
    Set<String> replaced = new HashSet<>();
    if (!spec.dns().isEmpty()) {
      replaced.add("nameserver");
    }
    if (!spec.dnsSearch().isEmpty()) {
      replaced.addAll(List.of("search", "domain"));
    }
    if (!spec.dnsOptions().isEmpty()) {
      replaced.add("options");
    }
    StringBuilder b = new StringBuilder();
    hostResolv
        .lines()
        .filter(line -> !replaced.contains(line.strip().split("\\s+", 2)[0]))
        .forEach(line -> b.append(line).append('\n'));
    spec.dns().forEach(server -> b.append("nameserver ").append(server).append('\n'));
    if (!spec.dnsSearch().isEmpty()) {
      b.append("search ").append(String.join(" ", spec.dnsSearch())).append('\n');
    }
    if (!spec.dnsOptions().isEmpty()) {
      b.append("options ").append(String.join(" ", spec.dnsOptions())).append('\n');
    }
    return b.toString();
  }

  private static String read(String what, Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new RuntimeFailure(
          what + ": cannot read the host's " + file + ": " + e.getMessage(), e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
