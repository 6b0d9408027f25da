package io.jcompose.scheduler.engine;

import io.jcompose.model.api.Deploy;
import io.jcompose.model.api.Service;
import io.jcompose.scheduler.api.InvalidProjectException;
import java.time.Duration;

/**
 * When a container that exited on its own is started again: {@code restart: no | always |
 * on-failure[:max] | unless-stopped}, or {@code deploy.restart_policy} (which wins, as in docker
 * compose).
 *
 * @param mode the policy
 * @param maxRetries for {@code on-failure} and {@code deploy.restart_policy.max_attempts}: the most
 *     restarts, 0 for no limit
 * @param delay the first back-off delay ({@code deploy.restart_policy.delay}), or null for Docker's
 *     100 ms
 */
public record RestartPolicy(Mode mode, int maxRetries, Duration delay) {

  /** The kinds of policy. */
  public enum Mode {
    /** Never restart. */
    NO,
    /** Restart whenever it exits, unless a user stopped it. */
    ALWAYS,
    /** Restart when it exits non-zero. */
    ON_FAILURE,
    /** Like always, but a user stop survives a daemon restart. */
    UNLESS_STOPPED
  }

  /** Never restart. */
  public static final RestartPolicy NO = new RestartPolicy(Mode.NO, 0, null);

  /** The policy of a service. */
  public static RestartPolicy of(Service service) {
    Deploy deploy = service.deploy();
    if (deploy != null && deploy.restartPolicy() != null) {
      Deploy.RestartPolicy p = deploy.restartPolicy();
      int max = p.maxAttempts() == null ? 0 : p.maxAttempts();
      String condition = p.condition() == null ? "any" : p.condition();
      return switch (condition) {
        case "none" -> NO;
        case "on-failure" -> new RestartPolicy(Mode.ON_FAILURE, max, p.delay());
        case "any" -> new RestartPolicy(Mode.ALWAYS, max, p.delay());
        default ->
            throw new InvalidProjectException(
                "services."
                    + service.name()
                    + ".deploy.restart_policy.condition: unknown value \""
                    + condition
                    + "\"; use none, on-failure or any");
      };
    }
    return parse(service.name(), service.restart());
  }

  /** Parses a {@code restart:} value; null is {@code no}. */
  public static RestartPolicy parse(String service, String value) {
    if (value == null || value.equals("no") || value.isEmpty()) {
      return NO;
    }
    if (value.equals("always")) {
      return new RestartPolicy(Mode.ALWAYS, 0, null);
    }
    if (value.equals("unless-stopped")) {
      return new RestartPolicy(Mode.UNLESS_STOPPED, 0, null);
    }
    if (value.equals("on-failure")) {
      return new RestartPolicy(Mode.ON_FAILURE, 0, null);
    }
    if (value.startsWith("on-failure:")) {
      try {
        int max = Integer.parseInt(value.substring("on-failure:".length()));
        if (max >= 0) {
          return new RestartPolicy(Mode.ON_FAILURE, max, null);
        }
      } catch (NumberFormatException e) {
        // falls through to the error below
      }
    }
    throw new InvalidProjectException(
        "services."
            + service
            + ".restart: unknown policy \""
            + value
            + "\"; use no, always, on-failure[:max] or unless-stopped");
  }

  /**
   * Whether a container that exited with {@code exitCode} after {@code restarts} policy restarts is
   * started again. A container stopped by a user is never restarted.
   */
  public boolean shouldRestart(int exitCode, int restarts, boolean stoppedByUser) {
    if (stoppedByUser || mode == Mode.NO) {
      return false;
    }
    if (maxRetries > 0 && restarts >= maxRetries) {
      return false;
    }
    return mode != Mode.ON_FAILURE || exitCode != 0;
  }
}
