package io.jcompose.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A docker credential helper program ({@code docker-credential-NAME}) asked for a registry's
 * credentials with {@code get}: server URL on stdin, JSON {@code Username}/{@code Secret} out.
 */
final class CredentialHelper {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final String name;
  private final String searchPath;

  CredentialHelper(String name, String searchPath) {
    this.name = name;
    this.searchPath = searchPath;
  }

  /** The helper's absolute path from the search path, or its bare name to fail clearly. */
  private String locate(String program) {
    for (String dir : searchPath.split(":")) {
      java.io.File candidate = new java.io.File(dir.isEmpty() ? "." : dir, program);
      if (candidate.canExecute()) {
        return candidate.getAbsolutePath();
      }
    }
    return program;
  }

  /** The stored credentials, or empty when the helper has none for {@code serverUrl}. */
  Optional<RegistryCredentials> get(String serverUrl) {
    String program = "docker-credential-" + name;
    try {
      Process process = new ProcessBuilder(locate(program), "get").start();
      process.getOutputStream().write(serverUrl.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new RuntimeFailure(program + " get: did not answer within 30 s");
      }
      String text = new String(out, StandardCharsets.UTF_8).trim();
      if (process.exitValue() != 0) {
        // Helpers say "credentials not found in native keychain" with a non-zero status.
        if ((text + err).toLowerCase().contains("not found")) {
          return Optional.empty();
        }
        throw new RuntimeFailure(program + " get failed: " + (text + " " + err).trim());
      }
      JsonNode node = JSON.readTree(text);
      String user = node.path("Username").asText("");
      String secret = node.path("Secret").asText("");
      if (secret.isEmpty()) {
        return Optional.empty();
      }
      // "<token>" as user name marks an identity token, as docker's helpers store them.
      return Optional.of(
          user.equals("<token>")
              ? new RegistryCredentials(user, "", secret)
              : RegistryCredentials.of(user, secret));
    } catch (IOException e) {
      throw new RuntimeFailure(
          program
              + ": cannot run the credential helper named in the docker config ("
              + e.getMessage()
              + "); install it or remove credsStore/credHelpers",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuntimeFailure(program + " get: interrupted", e);
    }
  }
}
