package io.jcompose.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The iptables-only fallback (a host without nft) as root, in a network namespace of its own (a
 * child JVM under {@code unshare -n}), so the FORWARD chain starts empty, as on a host where no
 * jcompose network exists yet, and the host's chains are never touched.
 */
class NatRulesIptablesIT {

  @Test
  void firstNetwork_isolationDropIsInstalledAboveTheJumpToTheAcceptChain() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                "unshare",
                "-n",
                java,
                "-cp",
                System.getProperty("java.class.path"),
                AddOneNetwork.class.getName())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
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
    }
  }
}
