package io.jcompose.runtime.shim;

import java.util.List;

/**
 * A started container as the shim reported it.
 *
 * @param pid the container's first process (host pid)
 * @param shimPid the monitoring shim's pid
 * @param warnings lines the shim warned about (clamped rlimits…)
 */
public record ShimStart(int pid, int shimPid, List<String> warnings) {
  public ShimStart {
    warnings = List.copyOf(warnings);
  }
}
