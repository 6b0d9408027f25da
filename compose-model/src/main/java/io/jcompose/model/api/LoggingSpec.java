package io.jcompose.model.api;

import java.util.Map;

/**
 * A service's logging configuration.
 *
 * @param driver logging driver, null for the default
 * @param options driver options
 */
public record LoggingSpec(String driver, Map<String, String> options) {

  /** Normalizes a null map to empty. */
  public LoggingSpec {
    options = Frozen.map(options);
  }
}
