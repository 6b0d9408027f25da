package io.jcompose.runtime.api;

import java.util.List;

/**
 * What {@link NetworkDriver#attach(AttachSpec)} needs to give a container its network.
 *
 * @param containerId container id (the namespace file and state are named after it)
 * @param containerName container name ({@code <project>-<service>-<n>}), answered by DNS; may be
 *     null
 * @param hostname hostname inside the container, answered by DNS and put into {@code /etc/hosts}
 * @param domainname domain name ({@code domainname}), or null
 * @param endpoints networks in interface order; empty for {@code network_mode: none}
 * @param extraHosts {@code extra_hosts} entries as {@code name:address} or {@code name=address}
 * @param dns {@code dns} servers; when set they replace the host's resolvers as upstreams
 * @param dnsSearch {@code dns_search} domains
 * @param dnsOptions {@code dns_opt} options
 */
public record AttachSpec(
    String containerId,
    String containerName,
    String hostname,
    String domainname,
    List<EndpointSpec> endpoints,
    List<String> extraHosts,
    List<String> dns,
    List<String> dnsSearch,
    List<String> dnsOptions) {
  public AttachSpec {
    endpoints = List.copyOf(endpoints);
    extraHosts = List.copyOf(extraHosts);
    dns = List.copyOf(dns);
    dnsSearch = List.copyOf(dnsSearch);
    dnsOptions = List.copyOf(dnsOptions);
  }

  /** A spec with only id, hostname and endpoints; the container name is the id. */
  public static AttachSpec of(String containerId, String hostname, List<EndpointSpec> endpoints) {
    return new AttachSpec(
        containerId,
        containerId,
        hostname,
        null,
        endpoints,
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  /** Returns a copy with the given container name. */
  public AttachSpec withContainerName(String name) {
    return new AttachSpec(
        containerId, name, hostname, domainname, endpoints, extraHosts, dns, dnsSearch, dnsOptions);
  }

  /** Returns a copy with the given {@code extra_hosts}. */
  public AttachSpec withExtraHosts(List<String> hosts) {
    return new AttachSpec(
        containerId,
        containerName,
        hostname,
        domainname,
        endpoints,
        hosts,
        dns,
        dnsSearch,
        dnsOptions);
  }

  /** Returns a copy with the given {@code dns}, {@code dns_search} and {@code dns_opt}. */
  public AttachSpec withDns(List<String> servers, List<String> search, List<String> options) {
    return new AttachSpec(
        containerId,
        containerName,
        hostname,
        domainname,
        endpoints,
        extraHosts,
        servers,
        search,
        options);
  }
}
