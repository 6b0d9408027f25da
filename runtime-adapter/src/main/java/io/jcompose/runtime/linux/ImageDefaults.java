package io.jcompose.runtime.linux;

import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.ImageConfig;
import io.jcompose.runtime.api.RuntimeFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies an image's run-time defaults to a container spec the way Docker does. */
final class ImageDefaults {
  static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private ImageDefaults() {}

  static ProcessPlan apply(ContainerSpec spec, ImageConfig image, String hostname) {
    return new ProcessPlan(
        args(spec, image),
        env(spec, image, hostname),
        spec.workingDir() != null && !spec.workingDir().isEmpty()
            ? spec.workingDir()
            : image.workingDir() != null && !image.workingDir().isEmpty()
                ? image.workingDir()
                : "/",
        spec.user() != null && !spec.user().isEmpty()
            ? spec.user()
            : image.user() != null && !image.user().isEmpty() ? image.user() : null,
        spec.stopSignal() != null
            ? spec.stopSignal()
            : image.stopSignal() != null ? image.stopSignal() : "SIGTERM");
  }

  /**
   * Entrypoint then command. Setting an entrypoint drops the image's CMD (Docker resets it); a
   * command alone replaces CMD and keeps the image's entrypoint.
   */
  static List<String> args(ContainerSpec spec, ImageConfig image) {
    List<String> entrypoint = spec.entrypoint() != null ? spec.entrypoint() : image.entrypoint();
    List<String> cmd;
    if (spec.command() != null) {
      cmd = spec.command();
    } else {
      cmd = spec.entrypoint() != null ? List.of() : image.cmd();
    }
    List<String> args = new ArrayList<>(entrypoint);
    args.addAll(cmd);
    if (args.isEmpty()) {
      throw new RuntimeFailure(
          "image " + spec.image() + " has no command and none is given: set command or entrypoint");
    }
    return args;
  }

  /** HOSTNAME, the image's Env, then the service's environment overriding by key; PATH ensured. */
  static List<String> env(ContainerSpec spec, ImageConfig image, String hostname) {
    Map<String, String> merged = new LinkedHashMap<>();
    merged.put("HOSTNAME", hostname);
    for (String entry : image.env()) {
      int eq = entry.indexOf('=');
      if (eq > 0) {
        merged.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    merged.putAll(spec.environment());
    merged.putIfAbsent("PATH", DEFAULT_PATH);
    List<String> out = new ArrayList<>();
    merged.forEach((k, v) -> out.add(k + "=" + v));
    return out;
  }
}
