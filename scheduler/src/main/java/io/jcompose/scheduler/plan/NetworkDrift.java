package io.jcompose.scheduler.plan;

import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.NetworkInfo;
import io.jcompose.runtime.api.NetworkSpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compares a project network that exists with what the file asks for now. A bridge cannot change
 * its subnet, range, MTU or isolation under running containers, so a difference stops {@code up}
 * with what changed; docker compose likewise refuses a network whose compose label is not its own,
 * and only warns about one another project made.
 */
final class NetworkDrift {

  private static final String COMPOSE_PREFIX = "com.docker.compose.";

  private NetworkDrift() {}

  /**
   * Checks network {@code key} that exists as {@code observed} against {@code desired}.
   *
   * @return a warning when the network was not made by compose (it is used as it is)
   * @throws ConflictException when it belongs to another compose network or its settings changed
   */
  static Optional<String> check(String key, NetworkSpec desired, NetworkInfo observed) {
    String at = "networks." + key + ": network " + desired.name();
    String owner = observed.labels().get(ComposeLabels.NETWORK);
    if (owner == null) {
      return Optional.of(
          at
              + " exists but was not created by compose; it is used as it is (set external: true"
              + " to say so)");
    }
    if (!owner.equals(key)) {
      throw new ConflictException(
          at
              + " exists with label "
              + ComposeLabels.NETWORK
              + " set to \""
              + owner
              + "\", not \""
              + key
              + "\"; give one of the two networks another name");
    }
    String project = desired.labels().get(ComposeLabels.PROJECT);
    if (project != null && !project.equals(observed.labels().get(ComposeLabels.PROJECT))) {
      // Another project's network of the same name (both files give it that name:): shared as
      // docker compose shares it, with its settings as they are; that project's down removes it.
      return Optional.of(
          at
              + " exists but was not created for project "
              + project
              + "; it is used as it is (set external: true to say so)");
    }
    List<String> changes = new ArrayList<>();
    if (desired.subnet() != null) {
      compare(changes, "subnet", cidr(observed.subnet()), cidr(desired.subnet()));
    }
    if (desired.gateway() != null) {
      compare(changes, "gateway", address(observed.gateway()), address(desired.gateway()));
    }
    compare(changes, "ip_range", cidr(observed.ipRange()), cidr(desired.ipRange()));
    if (observed.mtu() > 0) {
      int mtu = desired.mtu() > 0 ? desired.mtu() : NetworkSpecs.DEFAULT_MTU;
      compare(changes, "mtu", observed.mtu(), mtu);
    }
    compare(changes, "internal", observed.internal(), desired.internal());
    compare(changes, "labels", userLabels(observed.labels()), userLabels(desired.labels()));
    if (!changes.isEmpty()) {
      throw new ConflictException(
          at
              + " exists with a different configuration ("
              + String.join(", ", changes)
              + "); run `jcompose down` first so that up creates it anew");
    }
    return Optional.empty();
  }

  private static void compare(List<String> changes, String what, Object was, Object now) {
    if (!Objects.equals(was, now)) {
      changes.add(
          what + " " + (was == null ? "none" : was) + " -> " + (now == null ? "none" : now));
    }
  }

  private static Map<String, String> userLabels(Map<String, String> labels) {
    Map<String, String> out = new TreeMap<>(labels);
    out.keySet().removeIf(k -> k.startsWith(COMPOSE_PREFIX));
    return out;
  }

  // The network address of a CIDR, so 10.1.2.3/16 and 10.1.0.0/16 compare equal; text that does
  // not parse compares as written.
  static String cidr(String text) {
    if (text == null) {
      return null;
    }
    int slash = text.indexOf('/');
    if (slash < 0) {
      return address(text);
    }
    try {
      byte[] addr = literal(text.substring(0, slash)).getAddress();
      int prefix = Integer.parseInt(text.substring(slash + 1).trim());
      if (prefix < 0 || prefix > addr.length * 8) {
        return text.trim();
      }
      for (int bit = prefix; bit < addr.length * 8; bit++) {
        addr[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
      }
      return InetAddress.getByAddress(addr).getHostAddress() + "/" + prefix;
    } catch (UnknownHostException | NumberFormatException e) {
      return text.trim();
    }
  }

  private static String address(String text) {
    if (text == null) {
      return null;
    }
    try {
      return literal(text).getHostAddress();
    } catch (UnknownHostException e) {
      return text.trim();
    }
  }

  // Only literal addresses: InetAddress.getByName would look a name up in DNS.
  private static InetAddress literal(String text) throws UnknownHostException {
    String t = text.trim();
    if (!t.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
      throw new UnknownHostException(t);
    }
    return InetAddress.getByName(t);
  }
}
