package io.jcompose.runtime.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A token service for docker-registry's {@code auth: token:} mode, on 127.0.0.1: signs ES256 JWTs
 * with a key pair made by openssl for this run (the certificate is the registry's root bundle). One
 * user may pull and push everything; anonymous callers may pull repositories under {@code public/}
 * only.
 */
final class TokenServer implements AutoCloseable {

  static final String SERVICE = "jcompose-test-registry";
  static final String ISSUER = "jcompose-test-issuer";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final PrivateKey key;
  private final String certificate;
  private final Path certBundle;
  private final String user;
  private final String password;

  /** One line per token request: "user|anonymous scope...". */
  final List<String> requests = new CopyOnWriteArrayList<>();

  private TokenServer(
      HttpServer server,
      PrivateKey key,
      String certificate,
      Path certBundle,
      String user,
      String password) {
    this.server = server;
    this.key = key;
    this.certificate = certificate;
    this.certBundle = certBundle;
    this.user = user;
    this.password = password;
  }

  static TokenServer start(Vertx vertx, Path dir, String user, String password) throws Exception {
    Files.createDirectories(dir);
    Path keyFile = dir.resolve("token.key");
    Path certFile = dir.resolve("token.crt");
    LoopbackRegistry.run(
        List.of(
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            keyFile.toString(),
            "-out",
            certFile.toString(),
            "-days",
            "2",
            "-subj",
            "/CN=jcompose-test-token"));
    PrivateKey key =
        KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pem(keyFile)));
    String cert = Base64.getEncoder().encodeToString(pem(certFile));
    TokenServer[] self = new TokenServer[1];
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(req -> self[0].handle(req))
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    self[0] = new TokenServer(server, key, cert, certFile, user, password);
    return self[0];
  }

  private static byte[] pem(Path file) throws java.io.IOException {
    String text = Files.readString(file);
    String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }

  String realm() {
    return "http://127.0.0.1:" + server.actualPort() + "/token";
  }

  LoopbackRegistry.Token registryAuth() {
    return new LoopbackRegistry.Token(realm(), SERVICE, ISSUER, certBundle);
  }

  private void handle(HttpServerRequest req) {
    String authorization = req.getHeader("Authorization");
    String who = "anonymous";
    if (authorization != null) {
      String expected =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      if (!authorization.equals(expected)) {
        requests.add("refused");
        req.response().setStatusCode(401).end("{\"details\":\"wrong credentials\"}");
        return;
      }
      who = user;
    }
    List<String> scopes = req.params().getAll("scope");
    requests.add(who + " " + String.join(" ", scopes));
    try {
      req.response()
          .putHeader("Content-Type", "application/json")
          .end(JSON.writeValueAsString(tokenResponse(who, scopes)));
    } catch (Exception e) {
      req.response().setStatusCode(500).end(e.toString());
    }
  }

  private ObjectNode tokenResponse(String who, List<String> scopes) throws Exception {
    long now = System.currentTimeMillis() / 1000;
    ObjectNode claims = JSON.createObjectNode();
    claims.put("iss", ISSUER);
    claims.put("sub", who);
    claims.put("aud", SERVICE);
    claims.put("exp", now + 300);
    claims.put("nbf", now - 10);
    claims.put("iat", now);
    claims.put("jti", UUID.randomUUID().toString());
    ArrayNode access = claims.putArray("access");
    for (String scope : scopes) {
      String[] parts = scope.split(":");
      if (parts.length != 3 || !parts[0].equals("repository")) {
        continue;
      }
      boolean anonymousPull = parts[1].startsWith("public/");
      ObjectNode entry = JSON.createObjectNode();
      entry.put("type", "repository");
      entry.put("name", parts[1]);
      ArrayNode actions = entry.putArray("actions");
      for (String action : parts[2].split(",")) {
        if (!who.equals("anonymous") || (anonymousPull && action.equals("pull"))) {
          actions.add(action);
        }
      }
      access.add(entry);
    }
    ObjectNode header = JSON.createObjectNode();
    header.put("typ", "JWT");
    header.put("alg", "ES256");
    header.putArray("x5c").add(certificate);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signingInput =
        b64.encodeToString(JSON.writeValueAsBytes(header))
            + "."
            + b64.encodeToString(JSON.writeValueAsBytes(claims));
    Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
    signature.initSign(key);
    signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    String jwt = signingInput + "." + b64.encodeToString(signature.sign());
    ObjectNode response = JSON.createObjectNode();
    response.put("token", jwt);
    response.put("expires_in", 300);
    return response;
  }

  @Override
  public void close() {
    server.close();
  }
}
