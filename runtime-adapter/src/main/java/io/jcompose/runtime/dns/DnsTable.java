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
 */
public record DnsTable(Map<String, Map<String, List<String>>> names, Map<String, Client> clients) {

  /** The empty table. */
  public static final DnsTable EMPTY = new DnsTable(Map.of(), Map.of());

  public DnsTable {
    Map<String, Map<String, List<String>>> copy = new HashMap<>();
    names.forEach((net, m) -> copy.put(net, Map.copyOf(m)));
    names = Map.copyOf(copy);
    clients = Map.copyOf(clients);
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
    List<String> nets = client != null ? client.networks() : List.of(serverNetwork);
    Set<String> result = new LinkedHashSet<>();
    for (String net : nets) {
      result.addAll(names.getOrDefault(net, Map.of()).getOrDefault(key, List.of()));
    }
    return new ArrayList<>(result);
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

    /** Adds a name for an address on a network. */
    public Builder name(String network, String name, String address) {
      if (name == null || name.isBlank()) {
        return this;
      }
      List<String> list =
          names
              .computeIfAbsent(network, k -> new HashMap<>())
              .computeIfAbsent(normalize(name), k -> new ArrayList<>());
      if (!list.contains(address)) {
        list.add(address);
      }
      return this;
    }

    /** Registers a container address as a client. */
    public Builder client(String address, List<String> networks, List<String> upstreams) {
      clients.put(address, new Client(networks, upstreams));
      return this;
    }

    /** The snapshot. */
    public DnsTable build() {
      Map<String, Map<String, List<String>>> frozen = new HashMap<>();
      names.forEach(
          (net, m) -> {
            Map<String, List<String>> f = new HashMap<>();
            m.forEach((k, v) -> f.put(k, List.copyOf(v)));
            frozen.put(net, f);
          });
      return new DnsTable(frozen, clients);
    }
  }
}
