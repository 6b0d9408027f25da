/**
 * The Linux network driver: one bridge per network ({@code jc-} + 8 hex of the network name's
 * SHA-256), one veth pair per endpoint ({@code jcv} + 10 hex of container and network), each
 * container in a network namespace bind-mounted at {@code <run>/netns/<id>} before it starts.
 * Endpoints are set up over rtnetlink from the daemon ({@link EndpointSetup}), with no program run
 * per container. Detaching unmounts the namespace file and lets the kernel destroy the namespace
 * and its veth pairs in the background (in batches, far cheaper than deleting each veth); removing
 * a network waits until its veths are gone; bridges and filter rules, once per network, still use
 * {@code ip} and {@code nft}.
 *
 * <p>Decisions a user may notice:
 *
 * <ul>
 *   <li>Subnets come from Docker's default pool (172.17–31.0.0/16, then 192.168.x.0/20), skipping
 *       every subnet that overlaps a route of the host ({@code /proc/net/route}) or another
 *       jcompose network. Addresses are the lowest free ones of {@code ip_range} or the subnet.
 *   <li>Network definitions are durable under {@code <root>/networks}; attachments, the container
 *       files ({@code hosts}, {@code resolv.conf}, {@code hostname}) and published ports are
 *       volatile under {@code <run>/network}, as the namespaces they describe.
 *   <li>{@code resolv.conf} always names the first network's gateway, where the DNS server runs; a
 *       service's {@code dns} servers become that container's upstreams instead of the host's, and
 *       {@code options ndots:0} is added unless the service sets {@code ndots}, as Docker does.
 *   <li>DNS answers carry a TTL of 0 so that a stopped replica is never cached by a client.
 *   <li>Each network has its own nftables table ({@code ip jcompose_<hash>}) with isolation from
 *       other jcompose networks, drops for {@code internal} networks and masquerade for the others.
 *       When the host's iptables FORWARD policy drops (as after Docker), a {@code JCOMPOSE-FORWARD}
 *       chain accepts traffic from the bridges and replies to them.
 *   <li>An internal network gets no default route in its containers.
 *   <li>{@code extra_hosts} entries with the address {@code host-gateway} get the gateway of the
 *       container's first network: the host's own address on that bridge, which reaches the host
 *       (Docker uses its default host-gateway-ip, the address of {@code docker0}, the same thing
 *       for its default network). Without a network ({@code network_mode: none}) it is an error.
 *   <li>{@code enable_ipv6: true} is warned about at {@code up} ("not supported yet") and the
 *       network gets IPv4 only.
 * </ul>
 */
package io.jcompose.runtime.network;
