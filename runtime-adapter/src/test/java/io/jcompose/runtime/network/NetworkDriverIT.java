package io.jcompose.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.runtime.api.AttachSpec;
import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.EndpointSpec;
import io.jcompose.runtime.api.NetworkDriver;
import io.jcompose.runtime.api.NetworkDriver.Attachment;
import io.jcompose.runtime.api.NetworkDrivers;
import io.jcompose.runtime.api.NetworkInfo;
import io.jcompose.runtime.api.NetworkOptions;
import io.jcompose.runtime.api.NetworkSpec;
import io.jcompose.runtime.api.RuntimePaths;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real bridges, namespaces and DNS, as root; stand-in containers are bare network namespaces. */
class NetworkDriverIT {
  @TempDir Path tmp;
  private Vertx vertx;
  private FakeUpstream upstream;
  private NetworkDriver driver;
  private RuntimePaths paths;
  private final String run =
      HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
  private final List<String> networks = new ArrayList<>();
  private final List<String> containers = new ArrayList<>();

  @BeforeEach
  void startDriver() throws Exception {
    vertx = Vertx.vertx();
    upstream = new FakeUpstream(vertx);
    Path resolv = tmp.resolve("host-resolv.conf");
    Files.writeString(resolv, "nameserver 127.0.0.1\n");
    paths = new RuntimePaths(tmp.resolve("root"), tmp.resolve("run"));
    driver =
        NetworkDrivers.linux(
            vertx, paths, NetworkOptions.defaults().withUpstreams(resolv, upstream.port));
    await(driver.start());
  }

  @AfterEach
  void cleanUp() {
    for (String c : containers) {
      try {
        await(driver.detach(c));
      } catch (RuntimeException e) {
        // Keep cleaning the rest.
      }
    }
    for (String n : networks) {
      try {
        await(driver.remove(n));
      } catch (RuntimeException e) {
        // Keep cleaning the rest.
      }
    }
    await(driver.stop());
    upstream.close();
    vertx.close();
  }

  @Test
  void containersReachEachOtherByServiceNameAndAlias() {
    String net = network("front", false);
    Attachment web = attach("web-1", new EndpointSpec(net, null, null, List.of("web", "www")));
    Attachment db = attach("db-1", EndpointSpec.of(net, "db"));

    Shell.Out lookup = Shell.in(web, "busybox nslookup db");
    assertThat(lookup.text()).contains(db.primaryAddress());
    assertThat(Shell.in(db, "busybox ping -c1 -W2 web").exit()).isZero();
    assertThat(Shell.in(db, "busybox ping -c1 -W2 www").exit()).isZero();
    assertThat(Shell.in(db, "busybox ping -c1 -W2 web-1").exit()).isZero();
  }

  @Test
  void extraHostsHostGatewayNamesTheHostsAddressOnTheFirstNetworkAndReachesIt() {
    String net = network("hostgw", false);
    String id = run + "-hg-1";
    containers.add(id);
    Attachment a =
        await(
            driver.attach(
                AttachSpec.of(id, "hg", List.of(EndpointSpec.of(net, "hg")))
                    .withExtraHosts(List.of("host.docker.internal:host-gateway"))));
    String gateway = a.endpoints().get(0).gateway();

    Shell.Out hosts = Shell.in(a, "cat /etc/hosts; busybox ping -c1 -W2 host.docker.internal");
    assertThat(hosts.text()).contains(gateway + "\thost.docker.internal\n");
    assertThat(hosts.exit()).as(hosts.text()).isZero();
  }

  @Test
  void containerOnAnotherNetworkCannotResolveOrReach() {
    String a = network("a", false);
    String b = network("b", false);
    Attachment web = attach("web-1", EndpointSpec.of(a, "web"));
    Attachment other = attach("other-1", EndpointSpec.of(b, "other"));

    assertThat(Shell.in(other, "busybox nslookup other").text()).contains(other.primaryAddress());
    assertThat(Shell.in(other, "busybox nslookup web").text()).doesNotContain(web.primaryAddress());
    assertThat(Shell.in(other, "busybox ping -c1 -W1 " + web.primaryAddress()).exit()).isNotZero();
    assertThat(Shell.in(web, "busybox ping -c1 -W2 " + web.endpoints().get(0).gateway()).exit())
        .isZero();
  }

  @Test
  void scaledServiceResolvesToEveryRunningReplica() {
    String net = network("scale", false);
    List<String> addresses = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      addresses.add(attach("api-" + i, EndpointSpec.of(net, "api")).primaryAddress());
    }
    Attachment client = attach("client-1", EndpointSpec.of(net, "client"));

    assertThat(resolve(client, "api")).containsExactlyInAnyOrderElementsOf(addresses);

    await(driver.markStopped(run + "-api-2"));
    assertThat(resolve(client, "api"))
        .containsExactlyInAnyOrder(addresses.get(0), addresses.get(2));
    assertNxdomain(client, run + "-api-2");

    await(driver.markRunning(run + "-api-2"));
    assertThat(resolve(client, "api")).containsExactlyInAnyOrderElementsOf(addresses);
    assertThat(resolve(client, run + "-api-2")).containsExactly(addresses.get(1));

    await(driver.detach(run + "-api-3"));
    assertThat(resolve(client, "api"))
        .containsExactlyInAnyOrder(addresses.get(0), addresses.get(1));
    assertNxdomain(client, run + "-api-3");
    assertThat(linux().dns().table().names().get(net))
        .doesNotContainKey(run + "-api-3")
        .containsEntry("api", List.of(addresses.get(0), addresses.get(1)));
  }

  @Test
  void fortyReplicasOverflowUdpWithTcAndComeWholeOverTcpOnTheGateway() {
    String net = network("forty", false);
    List<Future<Attachment>> replicas = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      String id = run + "-many-" + i;
      containers.add(id);
      replicas.add(
          driver.attach(AttachSpec.of(id, "many-" + i, List.of(EndpointSpec.of(net, "many")))));
    }
    await(Future.all(replicas));
    Attachment client = attach("probe-1", EndpointSpec.of(net, "probe"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    Shell.Out out =
        Shell.inNetns(
            client.netns(),
            java
                + " -cp "
                + System.getProperty("java.class.path")
                + " "
                + DnsProbe.class.getName()
                + " "
                + client.endpoints().get(0).gateway()
                + " many");

    assertThat(out.exit()).as(out.text()).isZero();
    assertThat(out.text())
        .containsPattern("udp tc=true n=([1-9]|[1-3][0-9])\n")
        .contains("tcp tc=false n=40\n");
  }

  @Test
  void bridgeKeepsItsOwnMacWhilePortsComeAndGo() {
    String net = network("mac", false);
    NetworkInfo info = await(driver.inspect(net));
    String sys = "/sys/class/net/" + info.bridge();
    String expected = DeviceNames.macFor(Cidr.parseAddress(info.gateway()));
    attach("mac-1", EndpointSpec.of(net, "m"));
    attach("mac-2", EndpointSpec.of(net, "m"));
    await(driver.detach(run + "-mac-1"));

    // 3 = NET_ADDR_SET: the kernel no longer replaces it with the lowest port address.
    assertThat(Shell.sh("cat " + sys + "/addr_assign_type " + sys + "/address").text())
        .isEqualTo("3\n" + expected + "\n");
  }

  @Test
  void containerNameAndHostnameBothResolveWhenTheyDiffer() {
    String net = network("names", false);
    String id = run + "-names-1";
    containers.add(id);
    Attachment named =
        await(
            driver.attach(
                AttachSpec.of(id, "box" + run, List.of(EndpointSpec.of(net, "svc")))
                    .withContainerName("it" + run + "-svc-1")));
    Attachment client = attach("asker-1", EndpointSpec.of(net, "asker"));

    assertThat(resolve(client, "it" + run + "-svc-1")).containsExactly(named.primaryAddress());
    assertThat(resolve(client, "box" + run)).containsExactly(named.primaryAddress());
    assertThat(resolve(client, "svc")).containsExactly(named.primaryAddress());
  }

  @Test
  void reverseLookupOfAContainerAddressNamesItOnlyOnTheAskersNetworks() {
    String net = network("ptr", false);
    String other = network("ptr-x", false);
    String id = run + "-ptr-1";
    containers.add(id);
    Attachment named =
        await(
            driver.attach(
                AttachSpec.of(id, "ptr", List.of(EndpointSpec.of(net, "svc")))
                    .withContainerName("it" + run + "-svc-1")));
    Attachment client = attach("ptr-asker-1", EndpointSpec.of(net, "asker"));
    Attachment outsider = attach("ptr-outsider-1", EndpointSpec.of(other, "outsider"));

    Shell.Out ptr = Shell.in(client, "busybox nslookup " + named.primaryAddress());
    assertThat(ptr.text()).contains("name = it" + run + "-svc-1." + net + "\n");
    Shell.Out elsewhere = Shell.in(outsider, "busybox nslookup " + named.primaryAddress());
    assertThat(elsewhere.text()).doesNotContain("-svc-1");
  }

  @Test
  void withoutNftOrIptablesNetworksStillResolveAndReachAndLeaveNothing() throws Exception {
    // In a network namespace of its own: without rules of ours, only an empty FORWARD chain lets
    // bridged pings through (bridge-nf-call-iptables), whatever the host's policy (DROP after
    // Docker ran) and whether another network's accept chain happens to exist.
    String out = OwnNetnsJvm.run(BareNetwork.class, tmp.toString(), run);
    assertThat(out).contains(BareNetwork.DONE);
  }

  /** Runs in a child JVM in its own network namespace: a driver with neither nft nor iptables. */
  static final class BareNetwork {
    static final String DONE = "bare network: resolved, reached, nothing left\n";

    public static void main(String[] args) throws Exception {
      Path tmp = Path.of(args[0]);
      String run = args[1];
      Vertx vertx = Vertx.vertx();
      Path resolv = Files.writeString(tmp.resolve("bare-resolv.conf"), "nameserver 127.0.0.1\n");
      // No name here is forwarded: the upstream port is never used.
      LinuxNetworkDriver bare =
          new LinuxNetworkDriver(
              vertx,
              new RuntimePaths(tmp.resolve("bare-root"), tmp.resolve("bare-run")),
              NetworkOptions.defaults().withUpstreams(resolv, 53),
              new NatRules(false, false));
      String net = "it" + run + "_bare";
      String one = run + "-bare-1";
      String two = run + "-bare-2";
      int exit = 1;
      await(bare.start());
      try {
        check(bare, net, one, two);
        System.out.print(DONE);
        exit = 0;
      } catch (Throwable t) {
        t.printStackTrace(System.out);
      } finally {
        for (String c : List.of(one, two)) {
          try {
            await(bare.detach(c));
          } catch (RuntimeException e) {
            // Keep cleaning the rest.
          }
        }
        try {
          await(bare.remove(net));
        } catch (RuntimeException e) {
          // Already gone, or never made.
        }
        await(bare.stop());
        vertx.close();
        System.exit(exit);
      }
    }

    private static void check(LinuxNetworkDriver bare, String net, String one, String two) {
      assertThat(bare.warnings()).containsExactly(NatRules.NO_TOOL_WARNING);
      NetworkInfo info =
          await(bare.create(new NetworkSpec(net, null, null, null, false, 0, Map.of())));
      Attachment a =
          await(bare.attach(AttachSpec.of(one, "one", List.of(EndpointSpec.of(net, "one")))));
      Attachment b =
          await(bare.attach(AttachSpec.of(two, "two", List.of(EndpointSpec.of(net, "two")))));

      assertThat(resolve(a, "two")).containsExactly(b.primaryAddress());
      assertThat(Shell.in(a, "busybox ping -c1 -W2 two").exit()).isZero();
      assertThat(Shell.in(b, "busybox ping -c1 -W2 one").exit()).isZero();

      await(bare.detach(one));
      await(bare.detach(two));
      await(bare.remove(net));
      HostSnapshot after = HostSnapshot.take();
      assertThat(after.links())
          .doesNotContain(
              info.bridge(), DeviceNames.hostVeth(one, net), DeviceNames.hostVeth(two, net));
      assertThat(after.nftTables()).noneMatch(t -> t.contains(DeviceNames.natTable(info.bridge())));
      assertThat(after.iptables()).noneMatch(r -> r.contains(info.bridge()));
      assertThat(bare.dns().table().names()).doesNotContainKey(net);
      assertThat(listening(info.gateway())).isEmpty();
    }
  }

  @Test
  void unknownNamesAreForwardedToTheHostResolvers() {
    String net = network("fwd", false);
    Attachment c = attach("c-1", EndpointSpec.of(net, "c"));

    assertThat(Shell.in(c, "busybox nslookup outside.example").text())
        .contains(FakeUpstream.ADDRESS);
    assertThat(upstream.queries.get()).isPositive();
  }

  @Test
  void internalNetworkHasNoWayOutWhileANormalOneHas() {
    String outsideNs = "/run/jc-outside-" + run;
    String hostSide = "jco" + run;
    String third = String.valueOf(ThreadLocalRandom.current().nextInt(1, 250));
    String outsideIp = "198.18." + third + ".1";
    try {
      assertThat(
              Shell.sh(
                      "touch "
                          + outsideNs
                          + " && unshare --net="
                          + outsideNs
                          + " true && "
                          + "ip link add "
                          + hostSide
                          + " type veth peer name eth0 netns "
                          + outsideNs
                          + " && "
                          + "ip addr add 198.18."
                          + third
                          + ".2/30 dev "
                          + hostSide
                          + " && ip link set "
                          + hostSide
                          + " up && nsenter --net="
                          + outsideNs
                          + " sh -c 'ip link set lo up; "
                          + "ip addr add "
                          + outsideIp
                          + "/30 dev eth0; ip link set eth0 up; "
                          // A way back for unmasqueraded replies: only the filter may block.
                          + "ip route add default via 198.18."
                          + third
                          + ".2'")
                  .exit())
          .isZero();
      String open = network("open", false);
      String closed = network("closed", true);
      Attachment out = attach("out-1", EndpointSpec.of(open, "out"));
      Attachment in = attach("in-1", EndpointSpec.of(closed, "in"));

      assertThat(Shell.in(out, "busybox ping -c1 -W2 " + outsideIp).exit()).isZero();
      assertThat(Shell.in(in, "busybox ip route").text()).doesNotContain("default");
      // With a route to the outside via its gateway, only the internal network's drop rules stand
      // between the container and the outside (which has a route back to it).
      String gateway = in.endpoints().get(0).gateway();
      assertThat(Shell.in(in, "ip route add 198.18." + third + ".0/30 via " + gateway).exit())
          .isZero();
      assertThat(Shell.in(in, "busybox ping -c1 -W1 " + outsideIp).exit()).isNotZero();

      // Positive control: without the network's nft table the same ping gets through, so its drops
      // (not a missing route or forwarding) were what blocked it; and removal still works after.
      NetworkInfo info = await(driver.inspect(closed));
      assertThat(Shell.sh("nft delete table ip " + DeviceNames.natTable(info.bridge())).exit())
          .isZero();
      assertThat(Shell.in(in, "busybox ping -c3 -w3 " + outsideIp).text()).contains(" bytes from ");
      await(driver.detach(run + "-in-1"));
      await(driver.remove(closed));
      assertThat(Path.of("/sys/class/net", info.bridge())).doesNotExist();
    } finally {
      Shell.sh("ip link del " + hostSide + "; umount " + outsideNs + "; rm -f " + outsideNs);
    }
  }

  @Test
  void ipamSubnetGatewayAndRangeAreHonouredAndBadOnesRefusedWithOneLine() {
    String x = unusedTenOctet();
    String full = "it" + run + "_ipam";
    NetworkInfo info =
        await(
            driver.create(
                new NetworkSpec(
                    full,
                    "10." + x + ".0.0/24",
                    "10." + x + ".0.254",
                    "10." + x + ".0.128/25",
                    false,
                    0,
                    Map.of("test", run))));
    networks.add(full);
    Attachment c = attach("ipam-1", EndpointSpec.of(full, "c"));

    assertThat(info.gateway()).isEqualTo("10." + x + ".0.254");
    assertThat(Shell.sh("ip -o -4 addr show dev " + info.bridge()).text())
        .contains("inet 10." + x + ".0.254/24");
    assertThat(Cidr.parse("10." + x + ".0.128/25").contains(Cidr.parseAddress(c.primaryAddress())))
        .as(c.primaryAddress())
        .isTrue();
    assertThat(Shell.inNetns(c.netns(), "ip route").text())
        .contains("default via 10." + x + ".0.254 dev eth0");

    String bad = "it" + run + "_bad";
    assertThatThrownBy(() -> createNetwork(bad, "10." + x + ".0.0/25", null, null))
        .isInstanceOf(ConflictException.class)
        .hasMessage(
            "network %s: subnet 10.%s.0.0/25 overlaps network %s (10.%s.0.0/24); choose another"
                + " subnet",
            bad, x, full, x);
    assertThatThrownBy(() -> createNetwork(bad, "10." + x + ".1.0/24", "10." + x + ".0.1", null))
        .hasMessage(
            "network %s: gateway 10.%s.0.1 is outside subnet 10.%s.1.0/24; use an address inside"
                + " it",
            bad, x, x);
    assertThatThrownBy(() -> createNetwork(bad, "10." + x + ".1.0/24", "10." + x + ".1.0", null))
        .hasMessage(
            "network %s: gateway 10.%s.1.0 is the network address of 10.%s.1.0/24; use a host"
                + " address such as 10.%s.1.1",
            bad, x, x, x);
    assertThatThrownBy(() -> createNetwork(bad, "10." + x + ".1.0/24", "10." + x + ".1.255", null))
        .hasMessageContaining("gateway 10." + x + ".1.255 is the broadcast address of");
    assertThatThrownBy(() -> createNetwork(bad, "10." + x + ".1.0/24", null, "10." + x + ".0.0/23"))
        .hasMessage(
            "network %s: ip_range 10.%s.0.0/23 is not inside subnet 10.%s.1.0/24; use a range"
                + " within the subnet",
            bad, x, x);
    assertThat(await(driver.list(Map.of("test", run))))
        .extracting(NetworkInfo::name)
        .containsExactly(full);
    assertThat(Shell.sh("ip -o -4 addr").text()).doesNotContain("10." + x + ".1.");
  }

  private void createNetwork(String name, String subnet, String gateway, String range) {
    networks.add(name);
    await(
        driver.create(
            new NetworkSpec(name, subnet, gateway, range, false, 0, Map.of("test", run))));
  }

  /** A second octet x with no host route in 10.x.0.0/16 (the pool never picks 10/8 itself). */
  private static String unusedTenOctet() {
    String routes = Shell.sh("ip -4 route show table all").text();
    for (int attempt = 0; ; attempt++) {
      String x = String.valueOf(ThreadLocalRandom.current().nextInt(100, 250));
      if (!routes.contains("10." + x + ".") || attempt > 50) {
        return x;
      }
    }
  }

  @Test
  void hostModeContainerSeesTheHostsFilesWithItsExtraHostsAndDnsAndDetachDeletesThem()
      throws Exception {
    String id = run + "-hostmode-1";
    containers.add(id);
    Attachment a =
        await(
            driver.attachHost(
                AttachSpec.of(id, "hostbox", List.of())
                    .withExtraHosts(List.of("db" + run + ".local:10.0.0.5"))
                    .withDns(List.of(), List.of("corp.example"), List.of())));

    Shell.Out seen =
        Shell.sh(
            "unshare -m /bin/sh -c 'mount --bind "
                + a.hostsFile()
                + " /etc/hosts && mount --bind "
                + a.resolvConf()
                + " /etc/resolv.conf && getent hosts db"
                + run
                + ".local && echo --- && cat /etc/resolv.conf'");

    assertThat(a.netns()).isNull();
    assertThat(seen.exit()).as(seen.text()).isZero();
    assertThat(seen.text())
        .startsWith("10.0.0.5        db" + run + ".local\n---\n")
        .endsWith("nameserver 127.0.0.1\nsearch corp.example\n");
    assertThat(Files.readString(a.hostsFile())).startsWith(Files.readString(Path.of("/etc/hosts")));
    assertThat(Files.readString(a.hostnameFile())).isEqualTo("hostbox\n");
    await(driver.markRunning(id));
    await(driver.markStopped(id));

    await(driver.detach(id));
    assertThat(a.hostsFile()).doesNotExist();
    assertThat(a.hostsFile().getParent()).doesNotExist();
  }

  @Test
  void staticAddressMacAndSecondNetworkGiveEth1() {
    String a = network("multi-a", false);
    String b = network("multi-b", false);
    NetworkInfo infoB = await(driver.inspect(b));
    String base = infoB.subnet().substring(0, infoB.subnet().lastIndexOf('.'));
    String wanted = base.substring(0, base.lastIndexOf('.')) + ".0.77";
    Attachment c =
        attach(
            "multi-1",
            EndpointSpec.of(a, "m"),
            new EndpointSpec(b, wanted, "02:aa:bb:cc:dd:ee", List.of("m")));

    assertThat(Shell.inNetns(c.netns(), "ip -o -4 addr show dev eth1").text()).contains(wanted);
    // sysfs would show the host's links: ask ip, one interface at a time.
    assertThat(Shell.inNetns(c.netns(), "ip -o link show dev eth1").text())
        .contains(" link/ether 02:aa:bb:cc:dd:ee ");
    assertThat(Shell.inNetns(c.netns(), "ip -o link show dev eth0").text())
        .contains(" link/ether " + DeviceNames.macFor(Cidr.parseAddress(c.primaryAddress())) + " ");
    assertThat(c.endpoints().get(1).interfaceName()).isEqualTo("eth1");
  }

  @Test
  void defaultRouteGoesViaTheHighestGwPriorityNetworkThatHasAWayOut() {
    String first = network("gw-a", false);
    String preferred = network("gw-b", false);
    String closed = network("gw-c", true);
    Attachment c =
        attach(
            "gw-1",
            EndpointSpec.of(first, "g"),
            EndpointSpec.of(preferred, "g").withGwPriority(1),
            EndpointSpec.of(closed, "g").withGwPriority(5));
    Attachment tie = attach("gw-2", EndpointSpec.of(first, "t"), EndpointSpec.of(preferred, "t"));

    assertThat(Shell.inNetns(c.netns(), "ip -4 route show default").text().strip())
        .isEqualTo("default via " + c.endpoints().get(1).gateway() + " dev eth1");
    assertThat(Shell.inNetns(tie.netns(), "ip -4 route show default").text().strip())
        .isEqualTo("default via " + tie.endpoints().get(0).gateway() + " dev eth0");
  }

  @Test
  void interfaceNameNamesTheInterfaceInsideAndTheOthersCountFromEth0() {
    String a = network("if-a", false);
    String b = network("if-b", false);
    Attachment c =
        attach("if-1", EndpointSpec.of(a, "i").withInterfaceName("lan0"), EndpointSpec.of(b, "i"));

    assertThat(c.endpoints()).extracting(e -> e.interfaceName()).containsExactly("lan0", "eth0");
    assertThat(Shell.inNetns(c.netns(), "ip -o -4 addr show dev lan0").text())
        .contains(" " + c.endpoints().get(0).ipv4Address() + "/");
    assertThat(Shell.inNetns(c.netns(), "ip -o -4 addr show dev eth0").text())
        .contains(" " + c.endpoints().get(1).ipv4Address() + "/");
    assertThat(Shell.inNetns(c.netns(), "ip -4 route show default").text().strip())
        .isEqualTo("default via " + c.endpoints().get(0).gateway() + " dev lan0");
  }

  @Test
  void networkModeNoneHasOnlyLoopbackAndJoinersKeepTheNamespace() throws Exception {
    Attachment none = attach("none-1");
    assertThat(Shell.inNetns(none.netns(), "ip -o link").text().trim().split("\n")).hasSize(1);

    String net = network("join", false);
    Attachment owner = attach("owner-1", EndpointSpec.of(net, "owner"));
    Attachment joined = await(driver.join(run + "-side-1", run + "-owner-1"));
    assertThat(joined.netns()).isEqualTo(owner.netns());

    await(driver.detach(run + "-owner-1"));
    assertThat(AttachmentRegistry.isMounted(owner.netns())).isTrue();
    await(driver.detach(run + "-side-1"));
    assertThat(Files.exists(owner.netns())).isFalse();
  }

  @Test
  void theSameContainerAttachesAgainRightAfterItsDetach() {
    String net = network("again", false);
    for (int i = 0; i < 3; i++) {
      Attachment a = attach("again-1", EndpointSpec.of(net, "again"));
      assertThat(Shell.in(a, "busybox ping -c1 -W2 " + a.endpoints().get(0).gateway()).exit())
          .isZero();
      await(driver.detach(run + "-again-1"));
    }
  }

  @Test
  void removingEverythingLeavesNoLinksNamespacesFilesOrRules() {
    String a = network("gone-a", false);
    String b = network("gone-b", true);
    NetworkInfo ia = await(driver.inspect(a));
    NetworkInfo ib = await(driver.inspect(b));
    attach("gone-1", EndpointSpec.of(a, "x"), EndpointSpec.of(b, "x"));
    attach("gone-2", EndpointSpec.of(a, "y"));
    assertThat(listening(ia.gateway())).as("DNS over UDP and TCP before removal").hasSize(2);
    assertThatThrownBy(() -> await(driver.remove(a)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("in use by");

    await(driver.detach(run + "-gone-1"));
    await(driver.detach(run + "-gone-2"));
    await(driver.remove(a));
    await(driver.remove(b));

    HostSnapshot after = HostSnapshot.take();
    List<String> mine =
        List.of(
            ia.bridge(),
            ib.bridge(),
            DeviceNames.hostVeth(run + "-gone-1", a),
            DeviceNames.hostVeth(run + "-gone-1", b),
            DeviceNames.hostVeth(run + "-gone-2", a));
    assertThat(after.links()).doesNotContainAnyElementsOf(mine);
    assertThat(after.nftTables())
        .noneMatch(
            t ->
                t.contains(DeviceNames.natTable(ia.bridge()))
                    || t.contains(DeviceNames.natTable(ib.bridge())));
    assertThat(after.iptables()).noneMatch(r -> r.contains(ia.bridge()) || r.contains(ib.bridge()));
    assertThat(linux().dns().table().names()).doesNotContainKeys(a, b);
    assertThat(linux().dns().table().clients()).isEmpty();
    assertThat(listening(ia.gateway())).isEmpty();
    assertThat(listening(ib.gateway())).isEmpty();
    assertThat(paths.netns().toFile().list()).isEmpty();
    assertThat(paths.networks().toFile().list()).isEmpty();
    assertThat(paths.run().resolve("network/containers").toFile().list()).isEmpty();
  }

  @Test
  void removingTheNetworkDeletesVethsWhoseNamespaceIsStillHeld() throws Exception {
    String net = network("held", false);
    NetworkInfo info = await(driver.inspect(net));
    Attachment a = attach("held-1", EndpointSpec.of(net, "h"));
    String veth = DeviceNames.hostVeth(run + "-held-1", net);
    // An open descriptor keeps the namespace, and with it the veth pair, after the unmount.
    try (var held = java.nio.channels.FileChannel.open(a.netns())) {
      await(driver.detach(run + "-held-1"));
      assertThat(Path.of("/sys/class/net", veth)).as("veth of a held namespace").exists();

      await(driver.remove(net));

      assertThat(Path.of("/sys/class/net", veth)).doesNotExist();
      assertThat(Path.of("/sys/class/net", info.bridge())).doesNotExist();
      assertThat(NetworkLinks.membersOf(NetworkLinks.GROUP_BASE)).isEmpty();
    }
  }

  @Test
  void purgeDetachedDeletesTheVethOfAHeldNamespaceAndKeepsTheNetwork() throws Exception {
    String net = network("purge", false);
    NetworkInfo info = await(driver.inspect(net));
    Attachment a = attach("purge-1", EndpointSpec.of(net, "p"));
    Attachment stays = attach("purge-2", EndpointSpec.of(net, "q"));
    String veth = DeviceNames.hostVeth(run + "-purge-1", net);
    try (var held = java.nio.channels.FileChannel.open(a.netns())) {
      await(driver.detach(run + "-purge-1"));
      assertThat(Path.of("/sys/class/net", veth)).as("veth of a held namespace").exists();

      await(driver.purgeDetached());

      assertThat(Path.of("/sys/class/net", veth)).doesNotExist();
      assertThat(Path.of("/sys/class/net", info.bridge())).exists();
      assertThat(Path.of("/sys/class/net", DeviceNames.hostVeth(run + "-purge-2", net))).exists();
      assertThat(Shell.in(stays, "busybox ping -c1 -W2 " + info.gateway()).exit()).isZero();
    }
  }

  @Test
  void restartedDriverReadoptsNetworksAndAnswersAgain() {
    String net = network("readopt", false);
    Attachment web = attach("web-1", EndpointSpec.of(net, "web"));
    Attachment other = attach("other-1", EndpointSpec.of(net, "other"));
    await(driver.stop());

    driver = NetworkDrivers.linux(vertx, paths, NetworkOptions.defaults());
    await(driver.start());

    assertThat(Shell.in(other, "busybox nslookup web").text()).contains(web.primaryAddress());
    assertThat(await(driver.attachment(run + "-web-1")).primaryAddress())
        .isEqualTo(web.primaryAddress());
    // Re-adoption replaced the network's nft table (it existed), not added its rules twice.
    NetworkInfo info = await(driver.inspect(net));
    String table = Shell.sh("nft list table ip " + DeviceNames.natTable(info.bridge())).text();
    assertThat(table.lines().filter(l -> l.contains("masquerade"))).hasSize(1);
  }

  @Test
  void mtuFromDriverOptsReachesBridgeAndContainerAndLabelsFilterTheList() {
    String full = "it" + run + "_mtu";
    NetworkInfo info =
        await(
            driver.create(
                new NetworkSpec(
                    full, null, null, null, false, 1400, Map.of("test", run, "kind", "mtu"))));
    networks.add(full);
    network("plain", false);
    Attachment c = attach("mtu-1", EndpointSpec.of(full, "m"));

    assertThat(Shell.sh("cat /sys/class/net/" + info.bridge() + "/mtu").text().strip())
        .isEqualTo("1400");
    assertThat(Shell.inNetns(c.netns(), "cat /sys/class/net/eth0/mtu").text().strip())
        .isEqualTo("1400");
    assertThat(await(driver.list(Map.of("test", run, "kind", "mtu"))))
        .extracting(NetworkInfo::name)
        .containsExactly(full);
    assertThat(await(driver.list(Map.of("test", run)))).hasSize(2);
  }

  /** The IPv4 addresses busybox nslookup gives for {@code name} inside {@code a}. */
  static List<String> resolve(Attachment a, String name) {
    String out = Shell.in(a, "busybox nslookup -type=a " + name).text();
    return out.lines()
        .map(String::strip)
        .filter(l -> l.matches("Address:\\s+[0-9.]+"))
        .map(l -> l.replaceFirst("Address:\\s+", ""))
        .toList();
  }

  /**
   * Asserts that busybox nslookup inside {@code a} is told {@code name} does not exist: an empty
   * address list alone would also pass on a timeout or SERVFAIL.
   */
  static void assertNxdomain(Attachment a, String name) {
    String out = Shell.in(a, "busybox nslookup -type=a " + name).text();
    assertThat(out).contains("** server can't find " + name + ": NXDOMAIN");
  }

  /** The UDP and TCP sockets listening on {@code address} port 53, as ss prints them. */
  static List<String> listening(String address) {
    return Shell.sh("ss -Hlnu; ss -Hlnt")
        .text()
        .lines()
        // A TCP socket of the JVM is IPv6 with a mapped address: [::ffff:10.0.0.1]:53.
        .filter(l -> l.contains(" " + address + ":53 ") || l.contains(":" + address + "]:53 "))
        .toList();
  }

  private LinuxNetworkDriver linux() {
    return (LinuxNetworkDriver) driver;
  }

  private String network(String name, boolean internal) {
    String full = "it" + run + "_" + name;
    await(driver.create(new NetworkSpec(full, null, null, null, internal, 0, Map.of("test", run))));
    networks.add(full);
    return full;
  }

  private Attachment attach(String name, EndpointSpec... endpoints) {
    String id = run + "-" + name;
    containers.add(id);
    return await(driver.attach(AttachSpec.of(id, name, List.of(endpoints))));
  }

  static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
