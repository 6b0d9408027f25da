package io.jcompose.runtime.dns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of every name the networks answer. Names are per network, so a container
 * only resolves names of the networks it is attached to: the client is recognised by its source
 * address. The driver publishes a new snapshot whenever a container is attached, starts, stops or
 * goes; queries always read the latest one, so no answer is ever stale.
 *
 * @param names per network, lower-case name to addresses (in attach order)
 * @param clients per container address, the networks it may resolve and its own upstream servers
 * @param pointers per network, container address to the names its PTR record gives
 */
public record DnsTable(
    Map<String, Map<String, List<String>>> names,
    Map<String, Client> clients,
    Map<String, Map<String, List<String>>> pointers) {

  /** The empty table. */
  public static final DnsTable EMPTY = new DnsTable(Map.of(), Map.of(), Map.of());

  private static final String REVERSE_ZONE = ".in-addr.arpa";

  public DnsTable {
    names = frozen(names);
    clients = Map.copyOf(clients);
    pointers = frozen(pointers);
  }

  private static Map<String, Map<String, List<String>>> frozen(
      Map<String, Map<String, List<String>>> perNetwork) {
    Map<String, Map<String, List<String>>> copy = new HashMap<>();
    perNetwork.forEach((net, m) -> copy.put(net, Map.copyOf(m)));
    return Map.copyOf(copy);
  }

  /**
   * A container that asks.
   *
   * @param networks the networks whose names it resolves, in its interface order
   * @param upstreams its {@code dns} servers, or empty for the host's
   */
  public record Client(List<String> networks, List<String> upstreams) {
    public Client {
      networks = List.copyOf(networks);
      upstreams = List.copyOf(upstreams);
    }
  }

  /**
   * The addresses of a name as seen by a client.
   *
   * @param name queried name, with or without the trailing dot
   * @param source the client's address
   * @param serverNetwork the network whose DNS address received the query (used for unknown
   *     clients, e.g. the host)
   */
  public List<String> lookup(String name, String source, String serverNetwork) {
    String key = normalize(name);
    Client client = clients.get(source);
    return collect(names, key, source, serverNetwork);
  }

  /**
   * The names a reverse lookup ({@code d.c.b.a.in-addr.arpa}) of a container address gives a
   * client, from the same networks {@link #lookup} answers from; empty for any other name or
   * address, which then goes upstream.
   */
  public List<String> pointers(String name, String source, String serverNetwork) {
    String address = reverseAddress(normalize(name));
    return address == null ? List.of() : collect(pointers, address, source, serverNetwork);
  }

  private List<String> collect(
      Map<String, Map<String, List<String>>> perNetwork,
      String key,
      String source,
      String serverNetwork) {
    Client client = clients.get(source);
    List<String> nets = client != null ? client.networks() : List.of(serverNetwork);
    Set<String> result = new LinkedHashSet<>();
    for (String net : nets) {
      result.addAll(perNetwork.getOrDefault(net, Map.of()).getOrDefault(key, List.of()));
    }
    return new ArrayList<>(result);
  }

  /** {@code 4.3.2.1.in-addr.arpa} to {@code 1.2.3.4}; null unless it names one IPv4 address. */
  static String reverseAddress(String name) {
    if (!name.endsWith(REVERSE_ZONE)) {
      return null;
    }
    String[] octets = name.substring(0, name.length() - REVERSE_ZONE.length()).split("\\.", -1);
    if (octets.length != 4) {
      return null;
    }
    StringBuilder address = new StringBuilder();
    for (int i = 3; i >= 0; i--) {
      if (!octets[i].matches("[0-9]{1,3}") || Integer.parseInt(octets[i]) > 255) {
        return null;
      }
      address.append(Integer.parseInt(octets[i])).append(i > 0 ? "." : "");
    }
    return address.toString();
  }

  /** The upstreams a client set with {@code dns}, or an empty list for the host's. */
  public List<String> upstreamsOf(String source) {
    Client client = clients.get(source);
    return client == null ? List.of() : client.upstreams();
  }

  static String normalize(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  /** Collects names while the driver walks its endpoints. */
  public static final class Builder {
    private final Map<String, Map<String, List<String>>> names = new HashMap<>();
    private final Map<String, Client> clients = new HashMap<>();
    private final Map<String, Map<String, List<String>>> pointers = new HashMap<>();

    /** Adds a name for an address on a network. */
    public Builder name(String network, String name, String address) {
      if (name != null && !name.isBlank()) {
        add(names, network, normalize(name), address);
      }
      return this;
    }

    /**
     * Adds the PTR record of a container's address on a network: {@code <container>.<network>}, the
     * name Docker's resolver gives.
     */
    public Builder pointer(String network, String address, String containerName) {
      if (containerName != null && !containerName.isBlank()) {
        add(pointers, network, address, containerName + "." + network);
      }
      return this;
    }

    private static void add(
        Map<String, Map<String, List<String>>> perNetwork,
        String network,
        String key,
        String value) {
      List<String> list =
          perNetwork
              .computeIfAbsent(network, k -> new HashMap<>())
              .computeIfAbsent(key, k -> new ArrayList<>());
      if (!list.contains(value)) {
        list.add(value);
      }
    }

    /** Registers a container address as a client. */
    public Builder client(String address, List<String> networks, List<String> upstreams) {
      clients.put(address, new Client(networks, upstreams));
      return this;
    }

    /** The snapshot. */
    public DnsTable build() {
      return new DnsTable(listsFrozen(names), clients, listsFrozen(pointers));
    }

    private static Map<String, Map<String, List<String>>> listsFrozen(
        Map<String, Map<String, List<String>>> perNetwork) {
      Map<String, Map<String, List<String>>> frozen = new HashMap<>();
      perNetwork.forEach(
          (net, m) -> {
            Map<String, List<String>> f = new HashMap<>();
            m.forEach((k, v) -> f.put(k, List.copyOf(v)));
            frozen.put(net, f);
          });
      return frozen;
    }
  }
}
