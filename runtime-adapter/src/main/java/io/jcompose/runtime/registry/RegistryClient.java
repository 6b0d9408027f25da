package io.jcompose.runtime.registry;

import io.jcompose.runtime.api.RegistryCredentials;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Blocking HTTP exchanges with one registry's v2 API: attaches the authorization a scope needs
 * (negotiating it from a 401's {@code WWW-Authenticate}: bearer token or basic), and follows
 * redirects itself so that {@code Authorization} never leaves the registry's origin (blob storage
 * behind a redirect gets signed URLs, not the user's token). Runs on worker threads only.
 */
final class RegistryClient {

  private static final int MAX_REDIRECTS = 5;
  private static final Duration HEADERS_TIMEOUT = Duration.ofSeconds(60);

  private final String registry;
  private final URI base;
  private final boolean plainHttp;
  private final HttpClient http;
  private final Optional<RegistryCredentials> credentials;
  private final TokenFetcher tokens;
  private final Map<String, String> authorizationByScope = new ConcurrentHashMap<>();

  RegistryClient(
      String registry,
      boolean plainHttp,
      HttpClient http,
      Optional<RegistryCredentials> credentials) {
    this.registry = registry;
    this.plainHttp = plainHttp;
    this.http = http;
    this.credentials = credentials;
    String endpoint = registry.equals("docker.io") ? "registry-1.docker.io" : registry;
    this.base = URI.create((plainHttp ? "http://" : "https://") + endpoint);
    this.tokens = new TokenFetcher(registry, http, credentials);
  }

  String registry() {
    return registry;
  }

  boolean hasCredentials() {
    return credentials.isPresent();
  }

  boolean plainHttp() {
    return plainHttp;
  }

  /** {@code /v2/<path>} on this registry. */
  URI uri(String path) {
    return base.resolve("/v2/" + path);
  }

  /** The pull scope of a repository, as token servers expect it. */
  static String pullScope(String repository) {
    return "repository:" + repository + ":pull";
  }

  /**
   * One GET: with the scope's known authorization; on a 401 negotiates fresh authorization and
   * sends once more. A 401 that remains is returned to the caller.
   */
  <T> HttpResponse<T> get(
      URI uri, String scope, Map<String, String> headers, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    String authorization = scope == null ? null : authorizationByScope.get(scope);
    HttpResponse<T> response = followingRedirects(uri, headers, authorization, handler);
    if (response.statusCode() == 401) {
      String fresh =
          negotiate(response.headers().firstValue("WWW-Authenticate").orElse(null), scope);
      if (fresh != null && !fresh.equals(authorization)) {
        if (scope != null) {
          authorizationByScope.put(scope, fresh);
        }
        response = followingRedirects(uri, headers, fresh, handler);
      }
    }
    return response;
  }

  /**
   * The Authorization header value a challenge asks for, or null when there is nothing to offer
   * (basic auth without credentials, or no challenge).
   */
  String negotiate(String header, String scope) throws IOException, InterruptedException {
    Optional<AuthChallenge> challenge = AuthChallenge.parse(header);
    if (challenge.isEmpty()) {
      return null;
    }
    if (challenge.get().isBearer()) {
      String token = tokens.fetch(challenge.get(), scope);
      return token == null ? null : "Bearer " + token;
    }
    if (challenge.get().isBasic() && credentials.isPresent()) {
      return basic(credentials.get());
    }
    return null;
  }

  static String basic(RegistryCredentials c) {
    String pair = c.username() + ":" + c.password();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private <T> HttpResponse<T> followingRedirects(
      URI uri, Map<String, String> headers, String authorization, HttpResponse.BodyHandler<T> h)
      throws IOException, InterruptedException {
    URI current = uri;
    String auth = authorization;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpRequest.Builder request = HttpRequest.newBuilder(current).timeout(HEADERS_TIMEOUT).GET();
      if (current.getScheme().equals("http")) {
        // Plain-HTTP registries get HTTP/1.1: no h2c upgrade dance on every request.
        request.version(HttpClient.Version.HTTP_1_1);
      }
      headers.forEach(request::header);
      if (auth != null) {
        request.header("Authorization", auth);
      }
      HttpResponse<T> response = http.send(request.build(), h);
      int status = response.statusCode();
      if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
        return response;
      }
      String location =
          response
              .headers()
              .firstValue("Location")
              .orElseThrow(
                  () ->
                      new RuntimeFailure(
                          registry + ": redirect " + status + " without a Location header"));
      URI next = current.resolve(location);
      if (!sameOrigin(current, next)) {
        auth = null;
      }
      current = next;
    }
    throw new RuntimeFailure(registry + ": more than " + MAX_REDIRECTS + " redirects for " + uri);
  }

  static boolean sameOrigin(URI a, URI b) {
    return Objects.equals(a.getScheme(), b.getScheme())
        && Objects.equals(a.getHost(), b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI u) {
    return u.getPort() >= 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
  }
}
