package io.jcompose.runtime.network;

import io.jcompose.runtime.api.AttachSpec;
import io.jcompose.runtime.api.RuntimeFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the {@code /etc/hosts}, {@code /etc/resolv.conf} and {@code /etc/hostname} a container
 * sees.
 */
final class ContainerFiles {
  private ContainerFiles() {}

  /**
   * @param nameserver the DNS server address for the container, or null without a network
   */
  static void write(Path dir, AttachSpec spec, List<EndpointState> endpoints, String nameserver) {
    StateStore.writeVolatile(dir.resolve("hosts"), bytes(hosts(spec, endpoints)));
    StateStore.writeVolatile(dir.resolve("resolv.conf"), bytes(resolvConf(spec, nameserver)));
    StateStore.writeVolatile(dir.resolve("hostname"), bytes(spec.hostname() + "\n"));
  }

  static String hosts(AttachSpec spec, List<EndpointState> endpoints) {
    StringBuilder b = new StringBuilder();
    b.append("127.0.0.1\tlocalhost\n");
    b.append("::1\tlocalhost ip6-localhost ip6-loopback\n");
    b.append("fe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\n");
    b.append("ff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n");
    String names = ownNames(spec);
    if (endpoints.isEmpty()) {
      b.append("127.0.1.1\t").append(names).append('\n');
    }
    for (EndpointState e : endpoints) {
      b.append(e.ipv4Address()).append('\t').append(names).append('\n');
    }
    String hostGateway = endpoints.isEmpty() ? null : endpoints.get(0).gateway();
    for (String entry : spec.extraHosts()) {
      b.append(extraHost(entry, hostGateway)).append('\n');
    }
    return b.toString();
  }

  private static String ownNames(AttachSpec spec) {
    if (spec.domainname() != null && !spec.domainname().isBlank()) {
      return spec.hostname() + "." + spec.domainname() + " " + spec.hostname();
    }
    return spec.hostname();
  }

  /**
   * {@code name:addr}, {@code name=addr} (IPv6 addresses contain colons: split at the first). The
   * address {@code host-gateway} stands for {@code hostGateway}: as Docker does with its default
   * host-gateway-ip, it is the host's own address the container reaches it by, here the gateway of
   * its first network (the host's address on that bridge); null when it has no network.
   */
  static String extraHost(String entry, String hostGateway) {
    int eq = entry.indexOf('=');
    int at = eq >= 0 ? eq : entry.indexOf(':');
    if (at <= 0 || at == entry.length() - 1) {
      throw new RuntimeFailure(
          "extra_hosts: '" + entry + "' is not HOST:IP or HOST=IP; write e.g. db.local:10.0.0.5");
    }
    String address = entry.substring(at + 1).strip();
    if (address.equals("host-gateway")) {
      if (hostGateway == null) {
        throw new RuntimeFailure(
            "extra_hosts: '"
                + entry
                + "': host-gateway needs a network to reach the host through, and this container"
                + " has none (network_mode: none); give an address or attach a network");
      }
      address = hostGateway;
    }
    return address + "\t" + entry.substring(0, at).strip();
  }

  static String resolvConf(AttachSpec spec, String nameserver) {
    StringBuilder b = new StringBuilder();
    if (nameserver != null) {
      // Every query goes through the network's DNS server; custom dns entries become its upstreams.
      b.append("nameserver ").append(nameserver).append('\n');
    } else {
      for (String server : spec.dns()) {
        b.append("nameserver ").append(server).append('\n');
      }
    }
    if (!spec.dnsSearch().isEmpty()) {
      b.append("search ").append(String.join(" ", spec.dnsSearch())).append('\n');
    }
    List<String> options = spec.dnsOptions();
    boolean ndots = options.stream().anyMatch(o -> o.startsWith("ndots"));
    StringBuilder opt = new StringBuilder();
    for (String o : options) {
      opt.append(' ').append(o);
    }
    if (nameserver != null && !ndots) {
      opt.append(" ndots:0");
    }
    if (opt.length() > 0) {
      b.append("options").append(opt).append('\n');
    }
    return b.toString();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
