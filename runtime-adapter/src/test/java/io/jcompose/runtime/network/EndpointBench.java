package io.jcompose.runtime.network;

import io.jcompose.runtime.api.NetworkInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Endpoint set-up alone (namespace, veth pair, MAC, MTU, bridge, address, routes, loopback), N
 * times each way, interleaved so both see the same load: over rtnetlink ({@link EndpointSetup},
 * what attach runs) and the former way, one {@code unshare --net=FILE ip -batch -} process for the
 * namespace side plus the host side in-process. Files, state and DNS are not included.
 */
final class EndpointBench {
  private EndpointBench() {}

  /** Wall times per endpoint each way, and CPU (this JVM and its children) per endpoint. */
  record Result(double[] netlinkMs, double[] ipMs, double netlinkCpuMs, double ipCpuMs) {}

  static Result compare(NetworkInfo n, Path dir, int count) throws Exception {
    Files.createDirectories(dir);
    Cidr subnet = Cidr.parse(n.subnet());
    double[] netlink = new double[count];
    double[] ip = new double[count];
    long[] cpu = new long[2];
    List<Path> files = new ArrayList<>();
    List<String> veths = new ArrayList<>();
    try {
      for (int i = 0; i < 2 * count; i++) {
        boolean viaNetlink = (i % 2 == 0) == (i / 2 % 2 == 0);
        String tag = "b" + i;
        String veth = DeviceNames.hostVeth(dir + tag, n.name());
        int address = subnet.firstHost() + 1000 + i;
        EndpointState e =
            new EndpointState(
                n.name(),
                "eth0",
                veth,
                Cidr.format(address),
                DeviceNames.macFor(address),
                n.gateway(),
                List.of());
        EndpointSetup.Plug plug =
            new EndpointSetup.Plug(e, n.bridge(), subnet.prefix(), 1500, true);
        Path file = dir.resolve(tag);
        Files.write(file, new byte[0]);
        files.add(file);
        veths.add(veth);
        long c0 = NetworkBench.cpuNanos();
        long t0 = System.nanoTime();
        if (viaNetlink) {
          EndpointSetup.create("bench", file, List.of(plug));
        } else {
          withIp(file, plug);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        (viaNetlink ? netlink : ip)[i / 2] = ms;
        cpu[viaNetlink ? 0 : 1] += NetworkBench.cpuNanos() - c0;
      }
    } finally {
      files.forEach(EndpointSetup::remove);
      if (!EndpointSetup.awaitGone(veths, 10_000)) {
        EndpointSetup.deleteNow(veths);
      }
    }
    return new Result(netlink, ip, cpu[0] / 1e6 / count, cpu[1] / 1e6 / count);
  }

  /** The former path: one {@code ip -batch} in the new namespace, then the host side here. */
  private static void withIp(Path file, EndpointSetup.Plug p) {
    EndpointState e = p.endpoint();
    String script =
        "link set lo up\n"
            + ("link add eth0 address " + e.macAddress() + " mtu " + p.mtu())
            + (" type veth peer name " + e.hostVeth() + " mtu " + p.mtu())
            + (" netns " + ProcessHandle.current().pid() + "\n")
            + ("addr add " + e.ipv4Address() + "/" + p.prefix() + " dev eth0\n")
            + "link set eth0 up\n"
            + ("route add default via " + e.gateway() + " dev eth0\n");
    HostCommand.run("bench", script, "unshare", "--net=" + file, "ip", "-batch", "-");
    try (NetlinkSocket host = NetlinkSocket.open("bench")) {
      int bridge = host.linkIndex("bench", p.bridge());
      int index = host.linkIndex("bench", e.hostVeth());
      host.call(
          "bench: plugging " + e.hostVeth(),
          NetlinkMessage.request(RouteRequests.RTM_NEWLINK, 0)
              .ifinfo(0, index, RouteRequests.IFF_UP, RouteRequests.IFF_UP)
              .u32(RouteRequests.IFLA_MASTER, bridge));
    }
  }
}
