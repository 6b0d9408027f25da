package io.jcompose.runtime.linux;

import java.util.List;

/**
 * What a container runs once the image's defaults are applied.
 *
 * @param args argv (entrypoint then command)
 * @param env environment as {@code KEY=value}, in order
 * @param cwd working directory
 * @param user user as written, or null for root
 * @param stopSignal the signal {@code stop} sends
 */
record ProcessPlan(
    List<String> args, List<String> env, String cwd, String user, String stopSignal) {
  ProcessPlan {
    args = List.copyOf(args);
    env = List.copyOf(env);
  }
}
