package io.jcompose.scheduler.daemon;

import java.util.Map;

/** The backends a daemon can host. */
public final class DaemonBackends {

  private DaemonBackends() {}

  /** The built-in Linux runtime and the compose engine, configured from {@code environment}. */
  public static DaemonBackend standard(Map<String, String> environment) {
    return new StandardBackend(environment);
  }
}
