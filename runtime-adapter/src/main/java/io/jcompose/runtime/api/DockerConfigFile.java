package io.jcompose.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Docker's client configuration file ({@code ~/.docker/config.json}, or {@code
 * $DOCKER_CONFIG/config.json}): reads the credentials {@code docker login} stored and writes them
 * the same way for {@code jcompose login}/{@code logout}, so both tools share one login.
 *
 * <p>Credentials come from a credential helper when {@code credHelpers} or {@code credsStore} names
 * one for the registry ({@code docker-credential-NAME get}), otherwise from {@code auths} (base64
 * {@code user:password} in {@code auth}, or {@code username}/{@code password}, plus an optional
 * {@code identitytoken}). Writing keeps every other field of the file untouched.
 */
public final class DockerConfigFile implements RegistryAuth {

  /** The key docker uses in {@code auths} for Docker Hub. */
  public static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private final String searchPath;

  /** A config file at {@code file}; it need not exist yet. Credential helpers come from PATH. */
  public DockerConfigFile(Path file) {
    this(file, System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
  }

  /** A config file at {@code file} whose credential helpers are looked up in {@code searchPath}. */
  public DockerConfigFile(Path file, String searchPath) {
    this.file = file;
    this.searchPath = searchPath;
  }

  /**
   * The file docker itself would use: {@code $DOCKER_CONFIG/config.json} or under {@code $HOME}.
   */
  public static DockerConfigFile locate(Map<String, String> env) {
    String dir = env.get("DOCKER_CONFIG");
    if (dir != null && !dir.isBlank()) {
      return new DockerConfigFile(Path.of(dir, "config.json"), searchPath(env));
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return new DockerConfigFile(Path.of(home, ".docker", "config.json"), searchPath(env));
  }

  private static String searchPath(Map<String, String> env) {
    return env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
  }

  /** Where the file is. */
  public Path path() {
    return file;
  }

  /**
   * The key under {@code auths} for a registry host: docker's URL for Docker Hub, the host itself
   * otherwise.
   */
  public static String keyFor(String registry) {
    return normalize(registry).equals(ImageReference.DOCKER_HUB) ? DOCKER_HUB_KEY : registry;
  }

  /**
   * Reduces a key as docker writes them ({@code https://index.docker.io/v1/}, {@code
   * http://host:5000}) to a registry host ({@code docker.io}, {@code host:5000}).
   */
  static String normalize(String key) {
    String host = key.replaceFirst("^[a-zA-Z]+://", "");
    int slash = host.indexOf('/');
    if (slash >= 0) {
      host = host.substring(0, slash);
    }
    return switch (host) {
      case "index.docker.io", "registry-1.docker.io" -> ImageReference.DOCKER_HUB;
      default -> host;
    };
  }

  /**
   * {@inheritDoc}
   *
   * @throws RuntimeFailure when the file is not valid JSON or a credential helper fails
   */
  @Override
  public Optional<RegistryCredentials> credentialsFor(String registry) {
    ObjectNode root = read();
    String host = normalize(registry);
    Optional<String> helper = helperFor(root, host);
    if (helper.isPresent()) {
      Optional<RegistryCredentials> fromHelper =
          new CredentialHelper(helper.get(), searchPath).get(keyFor(host));
      if (fromHelper.isPresent()) {
        return fromHelper;
      }
    }
    JsonNode auths = root.path("auths");
    for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (normalize(entry.getKey()).equals(host)) {
        return decode(entry.getKey(), entry.getValue());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> helperFor(ObjectNode root, String host) {
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("credHelpers").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (normalize(entry.getKey()).equals(host) && !entry.getValue().asText().isEmpty()) {
        return Optional.of(entry.getValue().asText());
      }
    }
    String store = root.path("credsStore").asText("");
    return store.isEmpty() ? Optional.empty() : Optional.of(store);
  }

  private Optional<RegistryCredentials> decode(String key, JsonNode entry) {
    String identityToken = emptyToNull(entry.path("identitytoken").asText(""));
    String auth = entry.path("auth").asText("");
    if (!auth.isEmpty()) {
      String pair;
      try {
        pair = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new RuntimeFailure(
            file + ": auths." + key + ".auth is not base64; run jcompose login " + key + " again",
            e);
      }
      int colon = pair.indexOf(':');
      if (colon < 0) {
        throw new RuntimeFailure(
            file + ": auths." + key + ".auth is not user:password; run jcompose login again");
      }
      return Optional.of(
          new RegistryCredentials(
              pair.substring(0, colon), pair.substring(colon + 1), identityToken));
    }
    String user = entry.path("username").asText("");
    if (!user.isEmpty() || identityToken != null) {
      return Optional.of(
          new RegistryCredentials(user, entry.path("password").asText(""), identityToken));
    }
    return Optional.empty();
  }

  /**
   * Stores credentials for {@code registry} in {@code auths}, replacing what was there; the file is
   * created with mode 0600 and written atomically.
   */
  public void store(String registry, RegistryCredentials credentials) {
    ObjectNode root = read();
    removeEntries(root, normalize(registry));
    ObjectNode entry = root.withObject("/auths").putObject(keyFor(registry));
    String pair = credentials.username() + ":" + credentials.password();
    entry.put("auth", Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    if (credentials.identityToken() != null) {
      entry.put("identitytoken", credentials.identityToken());
    }
    write(root);
  }

  /** Removes the credentials for {@code registry}; false when none were stored. */
  public boolean remove(String registry) {
    ObjectNode root = read();
    if (!removeEntries(root, normalize(registry))) {
      return false;
    }
    write(root);
    return true;
  }

  private static boolean removeEntries(ObjectNode root, String host) {
    boolean removed = false;
    JsonNode auths = root.path("auths");
    for (Iterator<String> it = auths.fieldNames(); it.hasNext(); ) {
      if (normalize(it.next()).equals(host)) {
        it.remove();
        removed = true;
      }
    }
    return removed;
  }

  private ObjectNode read() {
    if (!Files.exists(file)) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(file.toFile());
      if (node == null || node.isMissingNode()) {
        return JSON.createObjectNode();
      }
      if (!node.isObject()) {
        throw new RuntimeFailure(file + ": not a JSON object; fix or remove the file");
      }
      return (ObjectNode) node;
    } catch (IOException e) {
      throw new RuntimeFailure(
          file
              + ": cannot read docker config ("
              + e.getMessage().lines().findFirst().orElse("")
              + "); fix or remove the file",
          e);
    }
  }

  private void write(ObjectNode root) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, ".config.json", ".tmp");
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        try (var channel =
            java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
          channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new RuntimeFailure(file + ": cannot write docker config: " + e.getMessage(), e);
    }
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
