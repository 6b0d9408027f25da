package io.jcompose.runtime.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Normalises {@code EXPOSE} arguments: {@code 80} → {@code 80/tcp}, ranges expanded. */
final class ExposedPorts {

  private static final int MAX_RANGE = 65536;

  private ExposedPorts() {}

  static List<String> expand(String spec) {
    String ports = spec;
    String proto = "tcp";
    int slash = spec.indexOf('/');
    if (slash >= 0) {
      ports = spec.substring(0, slash);
      proto = spec.substring(slash + 1).toLowerCase(Locale.ROOT);
      if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
        throw new IllegalArgumentException(
            "EXPOSE " + spec + ": protocol must be tcp, udp or sctp");
      }
    }
    int dash = ports.indexOf('-');
    int first = port(dash < 0 ? ports : ports.substring(0, dash), spec);
    int last = dash < 0 ? first : port(ports.substring(dash + 1), spec);
    if (last < first || last - first >= MAX_RANGE) {
      throw new IllegalArgumentException("EXPOSE " + spec + ": invalid port range");
    }
    List<String> out = new ArrayList<>();
    for (int p = first; p <= last; p++) {
      out.add(p + "/" + proto);
    }
    return out;
  }

  private static int port(String text, String spec) {
    try {
      int port = Integer.parseInt(text);
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "EXPOSE " + spec + ": '" + text + "' is not a port number (1-65535)");
    }
  }
}
