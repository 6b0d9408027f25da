package io.jcompose.runtime.network;

import java.util.Arrays;
import java.util.List;

/** The kernel objects a test may leave behind: links, nft tables, iptables rules. */
record HostSnapshot(List<String> links, List<String> nftTables, List<String> iptables) {

  static HostSnapshot take() {
    return new HostSnapshot(
        lines("ip -o link show | awk -F': ' '{print $2}' | cut -d@ -f1 | sort"),
        lines("nft list tables 2>/dev/null | sort"),
        lines(
            "iptables -S 2>/dev/null | grep -i jc | sort; iptables -t nat -S 2>/dev/null |"
                + " grep -i jc | sort"));
  }

  private static List<String> lines(String script) {
    return Arrays.stream(Shell.sh(script).text().split("\n")).filter(s -> !s.isBlank()).toList();
  }
}
