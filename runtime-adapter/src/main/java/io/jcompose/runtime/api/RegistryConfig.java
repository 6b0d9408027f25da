package io.jcompose.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * jcompose's own registry settings, from {@code $JCOMPOSE_CONFIG}, else {@code
 * $XDG_CONFIG_HOME/jcompose/config.json}, else {@code ~/.config/jcompose/config.json}:
 *
 * <pre>{ "insecure-registries": ["registry.lan:5000", "10.0.0.5"] }</pre>
 *
 * <p>Registries listed there are reached over plain HTTP, as are {@code localhost} and loopback
 * addresses always; every other registry over TLS.
 *
 * @param insecureRegistries hosts ({@code host} or {@code host:port}) spoken to over plain HTTP
 */
public record RegistryConfig(Set<String> insecureRegistries) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public RegistryConfig {
    insecureRegistries = Set.copyOf(insecureRegistries);
  }

  /** No insecure registries besides loopback. */
  public static RegistryConfig defaults() {
    return new RegistryConfig(Set.of());
  }

  /** The config file's location for this environment. */
  public static Path location(Map<String, String> env) {
    String explicit = env.get("JCOMPOSE_CONFIG");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "jcompose", "config.json");
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".config", "jcompose", "config.json");
  }

  /** Reads the config file of this environment; a missing file means the defaults. */
  public static RegistryConfig load(Map<String, String> env) {
    return read(location(env));
  }

  /**
   * Reads {@code file}.
   *
   * @throws RuntimeFailure naming the file when it is not JSON or the list is not strings
   */
  public static RegistryConfig read(Path file) {
    if (!Files.exists(file)) {
      return defaults();
    }
    try {
      JsonNode list = JSON.readTree(file.toFile()).path("insecure-registries");
      Set<String> hosts = new LinkedHashSet<>();
      if (!list.isMissingNode() && !list.isArray()) {
        throw new RuntimeFailure(file + ": insecure-registries must be a list of host[:port]");
      }
      for (JsonNode host : list) {
        if (!host.isTextual() || host.asText().isBlank()) {
          throw new RuntimeFailure(file + ": insecure-registries must be a list of host[:port]");
        }
        hosts.add(host.asText().replaceFirst("^[a-zA-Z]+://", "").replaceAll("/+$", ""));
      }
      return new RegistryConfig(hosts);
    } catch (IOException e) {
      throw new RuntimeFailure(file + ": not valid JSON; fix the file or remove it", e);
    }
  }

  /**
   * Whether {@code registry} ({@code host[:port]}) is spoken to over plain HTTP: loopback hosts and
   * those listed, with or without their port.
   */
  public boolean isInsecure(String registry) {
    String host = registry;
    if (host.startsWith("[")) {
      host = host.substring(0, host.indexOf(']') + 1);
    } else if (host.contains(":")) {
      host = host.substring(0, host.indexOf(':'));
    }
    return host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("[::1]")
        || insecureRegistries.contains(registry)
        || insecureRegistries.contains(host);
  }
}
