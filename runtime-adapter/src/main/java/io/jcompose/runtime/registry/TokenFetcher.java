package io.jcompose.runtime.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.runtime.api.RegistryCredentials;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Gets bearer tokens from a registry's token service (the {@code realm} of a {@code Bearer}
 * challenge): anonymously, with basic credentials, or with an OAuth identity token.
 */
final class TokenFetcher {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final String registry;
  private final HttpClient http;
  private final Optional<RegistryCredentials> credentials;

  TokenFetcher(String registry, HttpClient http, Optional<RegistryCredentials> credentials) {
    this.registry = registry;
    this.http = http;
    this.credentials = credentials;
  }

  /**
   * A token for {@code scope} (null scope: just a login check), or null when the service refuses an
   * anonymous request.
   *
   * @throws RuntimeFailure when the service refuses the stored credentials
   */
  String fetch(AuthChallenge challenge, String scope) throws IOException, InterruptedException {
    String realm = challenge.param("realm");
    if (realm == null || realm.isBlank()) {
      throw new RuntimeFailure(registry + ": bearer challenge without a realm: " + challenge);
    }
    String service = challenge.param("service");
    HttpRequest request;
    RegistryCredentials creds = credentials.orElse(null);
    if (creds != null && creds.identityToken() != null) {
      StringBuilder form = new StringBuilder("grant_type=refresh_token&client_id=jcompose");
      append(form, "refresh_token", creds.identityToken());
      append(form, "service", service);
      append(form, "scope", scope);
      request =
          HttpRequest.newBuilder(URI.create(realm))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
              .build();
    } else {
      StringBuilder query = new StringBuilder();
      append(query, "service", service);
      append(query, "scope", scope);
      if (creds != null) {
        append(query, "account", creds.username());
      }
      String sep = realm.contains("?") ? "&" : "?";
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(realm + (query.length() == 0 ? "" : sep + query)))
              .timeout(Duration.ofSeconds(60))
              .GET();
      if (creds != null) {
        b.header("Authorization", RegistryClient.basic(creds));
      }
      request = b.build();
    }
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      if (creds != null) {
        throw new RuntimeFailure(
            registry
                + ": the registry's token service refused the credentials of '"
                + creds.username()
                + "'; run jcompose login "
                + registry
                + " again");
      }
      return null;
    }
    if (status != 200) {
      throw new RuntimeFailure(
          registry + ": token service " + realm + " answered HTTP " + status + "; try again later");
    }
    JsonNode body = JSON.readTree(response.body());
    String token = body.path("token").asText("");
    if (token.isEmpty()) {
      token = body.path("access_token").asText("");
    }
    if (token.isEmpty()) {
      throw new RuntimeFailure(registry + ": token service " + realm + " sent no token");
    }
    return token;
  }

  private static void append(StringBuilder sb, String key, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    if (sb.length() > 0) {
      sb.append('&');
    }
    sb.append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
  }
}
