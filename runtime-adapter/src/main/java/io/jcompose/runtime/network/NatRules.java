package io.jcompose.runtime.network;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Packet filter rules of one network: isolation from other jcompose networks, no way out for {@code
 * internal} networks, masquerade for the others. With nftables each network has its own table
 * ({@code table ip jcompose_<hash>}), added and deleted atomically, so drivers with different state
 * roots never step on each other; iptables is the fallback. A host whose iptables FORWARD policy
 * drops (as after Docker ran) also gets accept rules in a {@code JCOMPOSE-FORWARD} chain. Without
 * either tool nothing is run (IPv4 forwarding is not switched on either: with no rules it would
 * route between networks) and one warning is given, the first time a network is added.
 */
final class NatRules {
  private static final System.Logger LOG = System.getLogger(NatRules.class.getName());
  private static final String CHAIN = "JCOMPOSE-FORWARD";

  /** What a user is told when neither tool is installed. */
  static final String NO_TOOL_WARNING =
      "neither nft nor iptables is installed: containers have no outbound access (no NAT) and"
          + " jcompose networks are isolated only while IPv4 forwarding is off; install nftables"
          + " (apt-get install nftables)";

  /** Runs one host program; tests record instead. */
  interface Commands {
    HostCommand.Result tryRun(String stdin, String... argv);
  }

  private final boolean nft;
  private final boolean iptables;
  private final Commands commands;
  private final Runnable enableForwarding;
  private final Consumer<String> warnings;
  private boolean warned;

  NatRules() {
    this(HostCommand.available("nft"), HostCommand.available("iptables"));
  }

  /** With the given tools taken as installed (a test runs the iptables-only fallback). */
  NatRules(boolean nft, boolean iptables) {
    this(
        nft,
        iptables,
        HostCommand::tryRun,
        NatRules::enableHostForwarding,
        w -> LOG.log(Level.WARNING, w));
  }

  /**
   * With test seams: {@code commands} runs the rule programs, {@code enableForwarding} switches
   * IPv4 forwarding on (the host's, in production), so a unit test changes nothing on the host.
   */
  NatRules(
      boolean nft,
      boolean iptables,
      Commands commands,
      Runnable enableForwarding,
      Consumer<String> warnings) {
    this.nft = nft;
    this.iptables = iptables;
    this.commands = commands;
    this.enableForwarding = enableForwarding;
    this.warnings = warnings;
  }

  /** The warning for the user when networks get no packet filter rules, else empty. */
  Optional<String> degraded() {
    return nft || iptables ? Optional.empty() : Optional.of(NO_TOOL_WARNING);
  }

  void add(NetworkState n) {
    if (!nft && !iptables) {
      if (!warned) {
        warned = true;
        warnings.accept(NO_TOOL_WARNING);
      }
      return;
    }
    if (!n.internal()) {
      enableForwarding.run();
    }
    // The jump to the accept chain goes in first: the iptables fallback inserts the network's drops
    // at the top of FORWARD, so they must land above the jump, whose chain accepts all jc-+
    // traffic.
    if (iptables) {
      addForwardAccept();
    }
    if (nft) {
      // Replacing a table that exists waits for the kernel to unhook its chains (an RCU grace
      // period, ~15 ms); a new network has none, so the replacing script runs only when the
      // creating one finds the table there (a restarted daemon, a crash before the clean-up).
      if (commands.tryRun(nftNewTable(n), "nft", "-f", "-").exit() != 0) {
        run("network " + n.name() + ": nft", nftTable(n), "nft", "-f", "-");
      }
    } else {
      // set -e: a refused rule fails the network (whose rules are then removed), never silently.
      run(
          "network " + n.name() + ": iptables",
          null,
          "/bin/sh",
          "-c",
          "set -e\n" + iptablesRules(n, "-A"));
    }
  }

  /** Deletes the rules of {@code n}; may run while its bridge is being deleted. */
  void remove(NetworkState n) {
    String table = DeviceNames.natTable(n.bridge());
    if (nft) {
      commands.tryRun(null, "nft", "delete", "table", "ip", table);
    } else if (iptables) {
      commands.tryRun(null, "/bin/sh", "-c", iptablesRules(n, "-D"));
    }
    if (iptables && !anyBridgeLeftBesides(n.bridge())) {
      commands.tryRun(
          null,
          "/bin/sh",
          "-c",
          "iptables -D FORWARD -j "
              + CHAIN
              + " 2>/dev/null; iptables -F "
              + CHAIN
              + " 2>/dev/null; iptables -X "
              + CHAIN
              + " 2>/dev/null; true");
    }
  }

  /** The network's table, replacing one of the same name. */
  static String nftTable(NetworkState n) {
    String t = DeviceNames.natTable(n.bridge());
    return "table ip " + t + "\ndelete table ip " + t + "\n" + tableBody(n);
  }

  /** The network's table; the script fails, changing nothing, when the table exists. */
  static String nftNewTable(NetworkState n) {
    return "create table ip " + DeviceNames.natTable(n.bridge()) + "\n" + tableBody(n);
  }

  private static String tableBody(NetworkState n) {
    String br = n.bridge();
    String t = DeviceNames.natTable(br);
    StringBuilder b = new StringBuilder();
    b.append("table ip ").append(t).append(" {\n");
    // Runs before the iptables filter chains (priority 0) so that its drops always win.
    b.append("  chain forward {\n    type filter hook forward priority -10; policy accept;\n");
    b.append("    iifname \"").append(br).append("\" oifname != \"").append(br);
    b.append("\" oifname \"jc-*\" drop\n");
    if (n.internal()) {
      b.append("    iifname \"").append(br).append("\" oifname != \"").append(br);
      b.append("\" drop\n");
      b.append("    oifname \"").append(br).append("\" iifname != \"").append(br);
      b.append("\" drop\n");
    }
    b.append("  }\n");
    if (!n.internal()) {
      b.append("  chain postrouting {\n    type nat hook postrouting priority srcnat;");
      b.append(" policy accept;\n    ip saddr ").append(n.subnet());
      b.append(" oifname != \"").append(br).append("\" masquerade\n  }\n");
    }
    b.append("}\n");
    return b.toString();
  }

  static String iptablesRules(NetworkState n, String op) {
    String br = n.bridge();
    String c = " -m comment --comment jcompose:" + br;
    StringBuilder b = new StringBuilder();
    // iptables takes one -o per rule, so "to another jc- bridge" is a drop of all jc-+ with the
    // bridge's own traffic accepted above it (each line is inserted at the top).
    b.append("iptables ").append(op.equals("-A") ? "-I" : "-D").append(" FORWARD");
    b.append(" -i ").append(br).append(" -o jc-+").append(c).append(" -j DROP\n");
    b.append("iptables ").append(op.equals("-A") ? "-I" : "-D").append(" FORWARD");
    b.append(" -i ").append(br).append(" -o ").append(br).append(c).append(" -j ACCEPT\n");
    if (n.internal()) {
      b.append("iptables ").append(op.equals("-A") ? "-I" : "-D").append(" FORWARD -i ");
      b.append(br).append(" ! -o ").append(br).append(c).append(" -j DROP\n");
      b.append("iptables ").append(op.equals("-A") ? "-I" : "-D").append(" FORWARD -o ");
      b.append(br).append(" ! -i ").append(br).append(c).append(" -j DROP\n");
    } else {
      b.append("iptables -t nat ").append(op).append(" POSTROUTING -s ").append(n.subnet());
      b.append(" ! -o ").append(br).append(c).append(" -j MASQUERADE\n");
    }
    return b.toString();
  }

  // The accept chain in one iptables-restore (declaring a chain with --noflush empties it, so its
  // content is always exactly these three rules), then the jump to it unless already there: two or
  // three programs instead of six on every network created.
  private void addForwardAccept() {
    String what = "iptables forward chain " + CHAIN;
    String table =
        "*filter\n:"
            + CHAIN
            + " - [0:0]\n-A "
            + CHAIN
            + " -i jc-+ -j ACCEPT\n-A "
            + CHAIN
            + " -o jc-+ -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n-A "
            + CHAIN
            // New connections to a container that a published port's DNAT made (proxy package).
            + " -o jc-+ -m conntrack --ctstate DNAT -j ACCEPT\nCOMMIT\n";
    run(what, table, "iptables-restore", "--noflush");
    if (commands.tryRun(null, "iptables", "-C", "FORWARD", "-j", CHAIN).exit() != 0) {
      run(what, null, "iptables", "-I", "FORWARD", "1", "-j", CHAIN);
    }
  }

  private void run(String what, String stdin, String... argv) {
    HostCommand.check(what, commands.tryRun(stdin, argv));
  }

  private static boolean anyBridgeLeftBesides(String bridge) {
    try (Stream<Path> links = Files.list(Path.of("/sys/class/net"))) {
      return links
          .map(p -> p.getFileName().toString())
          .anyMatch(name -> name.startsWith("jc-") && !name.equals(bridge));
    } catch (IOException e) {
      return true;
    }
  }

  private static void enableHostForwarding() {
    Path forward = Path.of("/proc/sys/net/ipv4/ip_forward");
    try {
      if (!Files.readString(forward).strip().equals("1")) {
        Files.writeString(forward, "1\n");
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot enable IPv4 forwarding: " + e.getMessage());
    }
  }
}
