package io.jcompose.runtime.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.runtime.api.PublishedPort;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortDnatRulesTest {
  private static final String BRIDGE = "jc-0a1b2c3d";

  private static PortDnatRules rules(PublishedPort... ports) {
    return new PortDnatRules("jcompose_port_x", BRIDGE, List.of(ports));
  }

  @Test
  void loopbackPortIsDnatedForTheHostOnlyAndGuardsTheBridge() {
    String script =
        rules(new PublishedPort("127.0.0.1", 8080, "172.18.0.2", 80, "tcp")).replaceScript();

    assertThat(script)
        .contains("    ip daddr 127.0.0.1 tcp dport 8080 counter dnat to 172.18.0.2:80\n")
        .contains("iifname \"jc-0a1b2c3d\" ip daddr 127.0.0.0/8 ct status ! dnat drop");
    String prerouting =
        script.substring(script.indexOf("chain prerouting"), script.indexOf("chain output"));
    assertThat(prerouting).doesNotContain("dnat to");
  }

  @Test
  void wildcardPortMatchesEveryLocalAddressButNeverLoopbackFromOutside() {
    String script =
        rules(new PublishedPort("0.0.0.0", 53, "172.18.0.2", 5353, "udp")).replaceScript();

    assertThat(script)
        .contains(
            "iifname != \"jc-*\" ip daddr != 127.0.0.0/8 fib daddr type local udp dport 53 counter"
                + " dnat to 172.18.0.2:5353")
        .doesNotContain("iifname \"jc-0a1b2c3d\" fib")
        .contains("oifname \"jc-0a1b2c3d\" ct status dnat ip saddr 127.0.0.0/8 masquerade");
    assertThat(
            rules(new PublishedPort("0.0.0.0", 53, "172.18.0.2", 53, "udp")).needsRouteLocalnet())
        .isTrue();
  }

  @Test
  void otherAddressNeedsNeitherRouteLocalnetNorGuard() {
    PortDnatRules r = rules(new PublishedPort("10.9.8.7", 80, "172.18.0.2", 80, "tcp"));

    assertThat(r.needsRouteLocalnet()).isFalse();
    assertThat(r.replaceScript()).doesNotContain("chain guard").contains("ip daddr 10.9.8.7 tcp");
  }

  @Test
  void ipv6AddressesOtherThanTheWildcardAndOtherProtocolsAreLeftToTheProxy() {
    assertThat(rules(new PublishedPort("::1", 80, "172.18.0.2", 80, "tcp")).replaceScript())
        .isEmpty();
    assertThat(rules(new PublishedPort("0.0.0.0", 80, "172.18.0.2", 80, "sctp")).replaceScript())
        .isEmpty();
    assertThat(rules(new PublishedPort("::", 80, "172.18.0.2", 80, "tcp")).replaceScript())
        .contains("fib daddr type local tcp dport 80");
  }

  @Test
  void scriptReplacesTheTableSoPublishAndReadoptionWriteTheSame() {
    assertThat(rules(new PublishedPort("127.0.0.1", 1, "172.18.0.2", 1, "tcp")).replaceScript())
        .startsWith(
            "table ip jcompose_port_x\ndelete table ip jcompose_port_x\ntable ip jcompose_port_x {");
    assertThat(PortDnatRules.tableName("p-web-1"))
        .matches("jcompose_port_[0-9a-f]{10}")
        .isNotEqualTo(PortDnatRules.tableName("p-web-2"));
  }
}
