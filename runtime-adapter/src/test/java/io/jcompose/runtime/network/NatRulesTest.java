package io.jcompose.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NatRulesTest {
  private static NetworkState network(boolean internal) {
    return new NetworkState(
        "p_n", "jc-0123abcd", "172.20.0.0/16", "172.20.0.1", null, internal, 1500, null);
  }

  @Test
  void normalNetworkMasqueradesAndIsIsolatedFromOtherNetworks() {
    String rules = NatRules.nftTable(network(false));
    assertThat(rules)
        .startsWith("table ip jcompose_0123abcd\ndelete table ip jcompose_0123abcd\n")
        .contains("iifname \"jc-0123abcd\" oifname != \"jc-0123abcd\" oifname \"jc-*\" drop")
        .contains("ip saddr 172.20.0.0/16 oifname != \"jc-0123abcd\" masquerade");
  }

  @Test
  void newTableScriptCreatesTheTableAndElseIsTheReplacingOne() {
    NetworkState n = network(false);
    String replacing = NatRules.nftTable(n);
    String creating = NatRules.nftNewTable(n);
    assertThat(creating).startsWith("create table ip jcompose_0123abcd\n");
    assertThat(creating.substring(creating.indexOf('\n') + 1))
        .isEqualTo(replacing.substring(replacing.indexOf("table ip jcompose_0123abcd {")));
  }

  @Test
  void internalNetworkDropsEveryWayOutAndHasNoMasquerade() {
    String rules = NatRules.nftTable(network(true));
    assertThat(rules)
        .contains("iifname \"jc-0123abcd\" oifname != \"jc-0123abcd\" drop")
        .contains("oifname \"jc-0123abcd\" iifname != \"jc-0123abcd\" drop")
        .doesNotContain("masquerade");
  }

  @Test
  void iptablesFallbackDeletesExactlyWhatItAdds() {
    String add = NatRules.iptablesRules(network(false), "-A");
    String del = NatRules.iptablesRules(network(false), "-D");
    assertThat(add.replace("-I FORWARD", "-D FORWARD").replace("-A POSTROUTING", "-D POSTROUTING"))
        .isEqualTo(del);
  }

  @Test
  void withNeitherToolTwoNetworksAndARemovalGiveOneWarningAndRunNothing() {
    List<String> ran = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    NatRules rules =
        new NatRules(false, false, recorder(ran), () -> ran.add("forwarding on"), warnings::add);

    rules.add(network(false));
    rules.add(network(true));
    rules.remove(network(false));

    assertThat(warnings).containsExactly(NatRules.NO_TOOL_WARNING);
    assertThat(ran).isEmpty();
    assertThat(rules.degraded()).contains(NatRules.NO_TOOL_WARNING);
  }

  @Test
  void withIptablesOnlyTheRulesAreRunAndNothingIsWarned() {
    List<String> ran = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    NatRules rules =
        new NatRules(false, true, recorder(ran), () -> ran.add("forwarding on"), warnings::add);

    rules.add(network(true));

    assertThat(warnings).isEmpty();
    assertThat(rules.degraded()).isEmpty();
    assertThat(ran)
        .anyMatch(c -> c.contains("iptables -I FORWARD -i jc-0123abcd"))
        .doesNotContain("forwarding on");
  }

  @Test
  void normalNetworkRequestsForwardingThroughTheSeamBeforeItsRules() {
    List<String> ran = new ArrayList<>();
    NatRules rules =
        new NatRules(true, false, recorder(ran), () -> ran.add("forwarding on"), w -> {});

    rules.add(network(false));

    assertThat(ran).first().isEqualTo("forwarding on");
    assertThat(ran).containsOnlyOnce("forwarding on").contains("nft -f -");
  }

  private static NatRules.Commands recorder(List<String> ran) {
    return (stdin, argv) -> {
      ran.add(String.join(" ", argv));
      return new HostCommand.Result(0, "", "");
    };
  }
}
