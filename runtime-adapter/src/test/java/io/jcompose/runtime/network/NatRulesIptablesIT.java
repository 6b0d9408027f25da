package io.jcompose.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The iptables-only fallback (a host without nft) as root, in a network namespace of its own (a
 * child JVM under {@code unshare -n}), so the FORWARD chain starts empty, as on a host where no
 * jcompose network exists yet, and the host's chains are never touched.
 */
class NatRulesIptablesIT {

  @Test
  void firstNetwork_isolationDropIsInstalledAboveTheJumpToTheAcceptChain() throws Exception {
    String out = OwnNetnsJvm.run(AddOneNetwork.class);
    List<String> forward = out.lines().filter(l -> l.startsWith("-A FORWARD")).toList();
    int drop = indexOf(forward, "-i jc-0123abcd -o jc-+");
    int jump = indexOf(forward, "-j JCOMPOSE-FORWARD");
    assertThat(drop).as(out).isNotNegative();
    assertThat(jump).as(out).isNotNegative();
    assertThat(drop).as("isolation drop before the accept jump:\n%s", out).isLessThan(jump);
    int ownBridge = indexOf(forward, "-i jc-0123abcd -o jc-0123abcd");
    assertThat(ownBridge)
        .as("the bridge's own traffic accepted above the drop:\n%s", out)
        .isNotNegative()
        .isLessThan(drop);
    // A published port's DNAT makes new connections into the bridge; a FORWARD policy of DROP
    // (as after Docker ran) must not drop them.
    assertThat(out.lines())
        .as(out)
        .contains(
            "-A JCOMPOSE-FORWARD -o jc-+ -m conntrack --ctstate DNAT -j ACCEPT",
            "-A JCOMPOSE-FORWARD -i jc-+ -j ACCEPT");
  }

  @Test
  void internalNetwork_itsDropsAloneKeepARoutedContainerFromTheOutside() throws Exception {
    String run =
        java.util.HexFormat.of().toHexDigits(new java.util.Random().nextInt()).substring(2);
    try {
      String out = OwnNetnsJvm.run(InternalTraffic.class, run);
      assertThat(out).contains("with rules: blocked\n", "rules removed: reached\n");
    } finally {
      Shell.sh("ip netns del jcit-c" + run + "; ip netns del jcit-o" + run);
    }
  }

  private static int indexOf(List<String> rules, String part) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).contains(part)) {
        return i;
      }
    }
    return -1;
  }

  /** Runs in the child: adds one network's rules with iptables only, prints FORWARD. */
  static final class AddOneNetwork {
    public static void main(String[] args) {
      NetworkState n =
          new NetworkState(
              "p_n", "jc-0123abcd", "172.31.250.0/24", "172.31.250.1", null, false, 1500, null);
      new NatRules(false, true).add(n);
      System.out.print(HostCommand.run("iptables -S FORWARD", null, "iptables", "-S", "FORWARD"));
      System.out.print(
          HostCommand.run(
              "iptables -S JCOMPOSE-FORWARD", null, "iptables", "-S", "JCOMPOSE-FORWARD"));
    }
  }

  /**
   * Runs in the child: a bridge with a "container" namespace on an internal network, an "outside"
   * namespace routed both ways and forwarding on, so that only the iptables rules can block.
   */
  static final class InternalTraffic {
    public static void main(String[] args) {
      String c = "jcit-c" + args[0];
      String o = "jcit-o" + args[0];
      NetworkState n =
          new NetworkState(
              "p_in", "jc-0123abce", "172.31.251.0/24", "172.31.251.1", null, true, 1500, null);
      NatRules rules = new NatRules(false, true);
      try {
        HostCommand.shell(
            "setup",
            String.join(
                "\n",
                "set -e",
                "ip link set lo up",
                "echo 1 > /proc/sys/net/ipv4/ip_forward",
                "ip link add jc-0123abce type bridge",
                "ip addr add 172.31.251.1/24 dev jc-0123abce",
                "ip link set jc-0123abce up",
                "ip netns add " + c,
                "ip link add jcitc type veth peer name eth0 netns " + c,
                "ip link set jcitc master jc-0123abce up",
                "ip -n " + c + " addr add 172.31.251.2/24 dev eth0",
                "ip -n " + c + " link set eth0 up",
                "ip -n " + c + " route add default via 172.31.251.1",
                "ip netns add " + o,
                "ip link add jcito type veth peer name eth0 netns " + o,
                "ip addr add 198.18.251.2/30 dev jcito",
                "ip link set jcito up",
                "ip -n " + o + " addr add 198.18.251.1/30 dev eth0",
                "ip -n " + o + " link set eth0 up",
                "ip -n " + o + " route add default via 198.18.251.2"));
        rules.add(n);
        System.out.println("with rules: " + ping(c));
        rules.remove(n);
        System.out.println("rules removed: " + ping(c));
      } finally {
        HostCommand.tryRun(null, "/bin/sh", "-c", "ip netns del " + c + "; ip netns del " + o);
      }
    }

    /**
     * Three tries within three seconds, reached on any reply: the first may go to ARP resolution
     * under load. Busybox exits 1 under -w when fewer than -c replies came, so the replies count.
     */
    private static String ping(String netns) {
      HostCommand.Result r =
          HostCommand.tryRun(
              null, "ip", "netns", "exec", netns, "busybox", "ping", "-c3", "-w3", "198.18.251.1");
      return r.stdout().contains(" bytes from ") ? "reached" : "blocked";
    }
  }
}
