package io.jcompose.scheduler.engine;

import io.jcompose.model.api.Service;
import io.jcompose.model.api.ServiceNetwork;
import io.jcompose.scheduler.api.InvalidProjectException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a service's {@code networks.K.interface_name} values before anything is created. The
 * kernel would refuse a bad name only halfway through a container's network setup, with an errno
 * instead of the attribute's path.
 */
final class InterfaceNames {

  /** IFNAMSIZ less the terminating NUL. */
  private static final int MAX_BYTES = 15;

  private InterfaceNames() {}

  /**
   * Throws when an {@code interface_name} of {@code s} is not a Linux interface name or is given to
   * two of its networks.
   */
  static void check(Service s) {
    Map<String, String> seen = new HashMap<>();
    for (Map.Entry<String, ServiceNetwork> e : new TreeMap<>(s.networks()).entrySet()) {
      String name = e.getValue() == null ? null : e.getValue().interfaceName();
      if (name == null) {
        continue;
      }
      String at = "services." + s.name() + ".networks." + e.getKey() + ".interface_name: \"";
      String problem = problem(name);
      if (problem != null) {
        throw new InvalidProjectException(
            at
                + name
                + "\" "
                + problem
                + "; use 1 to 15 characters without '/', ':' or spaces, e.g. lan0");
      }
      String other = seen.putIfAbsent(name, e.getKey());
      if (other != null) {
        throw new InvalidProjectException(
            at
                + name
                + "\" is already the interface name on network "
                + other
                + "; give each network its own");
      }
    }
  }

  // The rules of the kernel's dev_valid_name(), plus lo, which every container has already.
  private static String problem(String name) {
    if (name.isEmpty()) {
      return "is empty";
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return "is longer than " + MAX_BYTES + " bytes";
    }
    if (name.equals(".") || name.equals("..")) {
      return "is not an interface name";
    }
    if (name.equals("lo")) {
      return "is the loopback interface every container has";
    }
    for (char c : name.toCharArray()) {
      if (c == '/' || c == ':' || Character.isWhitespace(c)) {
        return "contains '" + (Character.isWhitespace(c) ? "a space" : c) + "'";
      }
    }
    return null;
  }
}
