package io.jcompose.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code -e KEY=VALUE} flags as a map; a bare {@code -e KEY} takes this shell's value. */
final class EnvPairs {

  private EnvPairs() {}

  static Map<String, String> parse(List<String> pairs) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq == 0) {
        throw UpCommand.usage("-e " + pair + ": use KEY=VALUE");
      }
      if (eq < 0) {
        String value = System.getenv(pair);
        if (value != null) {
          env.put(pair, value);
        }
      } else {
        env.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return env;
  }
}
