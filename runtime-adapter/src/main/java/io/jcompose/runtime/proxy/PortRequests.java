package io.jcompose.runtime.proxy;

import io.jcompose.runtime.api.PortBinding;
import io.jcompose.runtime.api.RuntimeFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands {@code ports} entries into single host-port requests: ranges map one to one, a host range
 * for one container port offers every port of the range (the first free one wins), a host port of 0
 * asks for a random one.
 */
final class PortRequests {
  private PortRequests() {}

  /**
   * One port to open.
   *
   * @param candidates host ports to try in order ({@code [0]} for a random one)
   */
  record Request(String hostIp, List<Integer> candidates, int containerPort, String protocol) {}

  static List<Request> expand(String containerId, List<PortBinding> bindings) {
    List<Request> result = new ArrayList<>();
    for (PortBinding b : bindings) {
      if (!b.protocol().equals("tcp") && !b.protocol().equals("udp")) {
        throw new RuntimeFailure(
            "container "
                + containerId
                + ": protocol '"
                + b.protocol()
                + "' cannot be published; use tcp or udp");
      }
      String ip = b.hostIp() == null || b.hostIp().isBlank() ? "0.0.0.0" : b.hostIp();
      int containerCount = b.containerPortEnd() - b.containerPortStart() + 1;
      int hostCount = b.hostPortEnd() - b.hostPortStart() + 1;
      if (b.hostPortStart() == 0) {
        for (int i = 0; i < containerCount; i++) {
          result.add(new Request(ip, List.of(0), b.containerPortStart() + i, b.protocol()));
        }
      } else if (containerCount == 1) {
        List<Integer> candidates = new ArrayList<>();
        for (int p = b.hostPortStart(); p <= b.hostPortEnd(); p++) {
          candidates.add(p);
        }
        result.add(new Request(ip, candidates, b.containerPortStart(), b.protocol()));
      } else if (hostCount == containerCount) {
        for (int i = 0; i < containerCount; i++) {
          result.add(
              new Request(
                  ip, List.of(b.hostPortStart() + i), b.containerPortStart() + i, b.protocol()));
        }
      } else {
        throw new RuntimeFailure(
            "container "
                + containerId
                + ": host ports "
                + b.hostPortStart()
                + "-"
                + b.hostPortEnd()
                + " and container ports "
                + b.containerPortStart()
                + "-"
                + b.containerPortEnd()
                + " differ in size; give ranges of the same size");
      }
    }
    return result;
  }
}
