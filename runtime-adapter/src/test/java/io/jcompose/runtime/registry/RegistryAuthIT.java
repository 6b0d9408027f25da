package io.jcompose.runtime.registry;

import static io.jcompose.runtime.registry.OciLayoutWriter.Entry.file;
import static io.jcompose.runtime.registry.RegistryPullIT.AMD64;
import static io.jcompose.runtime.registry.RegistryPullIT.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.runtime.api.DockerConfigFile;
import io.jcompose.runtime.api.ImagePuller;
import io.jcompose.runtime.api.ImagePullers;
import io.jcompose.runtime.api.PullerOptions;
import io.jcompose.runtime.api.RegistryAuth;
import io.jcompose.runtime.api.RegistryCredentials;
import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.runtime.registry.OciLayoutWriter.Blob;
import io.jcompose.runtime.registry.OciLayoutWriter.Compression;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token and basic auth against real docker-registry instances on 127.0.0.1. */
class RegistryAuthIT {

  static final String USER = "alice";
  static final String PASSWORD = "s3cret:with-colon";
  static Vertx vertx;
  static TokenServer tokens;
  static LoopbackRegistry tokenRegistry;
  static LoopbackRegistry basicRegistry;
  static Blob image;

  @TempDir static Path shared;
  @TempDir Path root;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    OciLayoutWriter layout = new OciLayoutWriter(shared.resolve("layout"));
    image =
        layout.image(
            "amd64", List.of(layout.layer(Compression.GZIP, List.of(file("hello", "hi\n")))));
    layout.tag("1", image);
    tokens = TokenServer.start(vertx, shared.resolve("token"), USER, PASSWORD);
    tokenRegistry = LoopbackRegistry.start(shared.resolve("token-registry"), tokens.registryAuth());
    String creds = USER + ":" + PASSWORD;
    tokenRegistry.push(layout.dir(), "1", "public/app", false, creds);
    tokenRegistry.push(layout.dir(), "1", "private/app", false, creds);
    basicRegistry =
        LoopbackRegistry.start(
            shared.resolve("basic-registry"), new LoopbackRegistry.Htpasswd(USER, PASSWORD));
    basicRegistry.push(layout.dir(), "1", "team/app", false, creds);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {tokenRegistry, basicRegistry, tokens}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // Best effort: the next one still gets closed.
      }
    }
    vertx.close();
  }

  ImagePuller puller(RegistryAuth auth) throws Exception {
    return ImagePullers.create(
        vertx,
        new FakeImageStore(root),
        PullerOptions.defaults().withAuth(auth).withRetries(2, Duration.ofMillis(20)));
  }

  RegistryAuth loggedIn(LoopbackRegistry registry, String password) {
    DockerConfigFile config = new DockerConfigFile(root.resolve("docker/config.json"));
    config.store(registry.host(), RegistryCredentials.of(USER, password));
    return config;
  }

  @Test
  void tokenAuth_anonymousPullGetsAnAnonymousToken() throws Exception {
    tokens.requests.clear();

    var pulled =
        await(
            puller(RegistryAuth.anonymous())
                .pull(tokenRegistry.host() + "/public/app:1", AMD64, e -> {}));

    assertThat(pulled.repoDigests()).containsExactly(image.digest());
    assertThat(tokens.requests).contains("anonymous repository:public/app:pull");
  }

  @Test
  void tokenAuth_privateRepositoryWithoutLoginSaysHowToLogIn() {
    String ref = tokenRegistry.host() + "/private/app:1";

    assertThatThrownBy(() -> await(puller(RegistryAuth.anonymous()).pull(ref, AMD64, e -> {})))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessage(
            "pull access denied for "
                + ref
                + " on registry "
                + tokenRegistry.host()
                + ": the repository does not exist or needs a login; run jcompose login "
                + tokenRegistry.host());
  }

  @Test
  void tokenAuth_credentialsFromDockerConfigOpenThePrivateRepository() throws Exception {
    tokens.requests.clear();

    var pulled =
        await(
            puller(loggedIn(tokenRegistry, PASSWORD))
                .pull(tokenRegistry.host() + "/private/app:1", AMD64, e -> {}));

    assertThat(pulled.repoDigests()).containsExactly(image.digest());
    assertThat(tokens.requests).containsExactly("alice repository:private/app:pull");
  }

  @Test
  void tokenAuth_wrongPasswordIsNamed() {
    assertThatThrownBy(
            () ->
                await(
                    puller(loggedIn(tokenRegistry, "wrong"))
                        .pull(tokenRegistry.host() + "/private/app:1", AMD64, e -> {})))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessage(
            tokenRegistry.host()
                + ": the registry's token service refused the credentials of 'alice'; run jcompose login "
                + tokenRegistry.host()
                + " again");
  }

  @Test
  void checkLogin_acceptsRightAndRefusesWrongCredentials_tokenAndBasic() throws Exception {
    ImagePuller puller = puller(RegistryAuth.anonymous());

    for (LoopbackRegistry registry : List.of(tokenRegistry, basicRegistry)) {
      assertThatCode(
              () ->
                  await(puller.checkLogin(registry.host(), RegistryCredentials.of(USER, PASSWORD))))
          .doesNotThrowAnyException();
      assertThatThrownBy(
              () -> await(puller.checkLogin(registry.host(), RegistryCredentials.of(USER, "nope"))))
          .isInstanceOf(RuntimeFailure.class)
          .hasMessageContaining(registry.host())
          .hasMessageContaining("alice");
    }
  }

  @Test
  void basicAuth_pullsWithStoredCredentials_andRefusesAnonymous() throws Exception {
    String ref = basicRegistry.host() + "/team/app:1";

    var pulled = await(puller(loggedIn(basicRegistry, PASSWORD)).pull(ref, AMD64, e -> {}));

    assertThat(pulled.repoDigests()).containsExactly(image.digest());
    assertThatThrownBy(() -> await(puller(RegistryAuth.anonymous()).pull(ref, AMD64, e -> {})))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageEndingWith("run jcompose login " + basicRegistry.host());
    assertThatThrownBy(
            () -> await(puller(loggedIn(basicRegistry, "bad")).pull(ref, AMD64, e -> {})))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageEndingWith(
            "the stored credentials were refused; run jcompose login " + basicRegistry.host());
  }
}
