package io.jcompose.model.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.api.EnvFileRef;
import io.jcompose.model.api.Service;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentTest {
  @TempDir Path tmp;

  @Test
  void dotEnv_supportsQuotesEscapesCommentsExportAndMultiLine() throws Exception {
    Map<String, String> v =
        DotEnvParser.parse(
            ".env",
            """
            # comment
            export A=plain value # inline comment
            B='single $A # kept'
            C="double\\tescaped \\"q\\" ${A}"
            D="line one
            line two"
            E=no#comment
            F=
            BARE
            G=${MISSING:-fallback}
            """,
            name -> null);

    assertThat(v)
        .containsEntry("A", "plain value")
        .containsEntry("B", "single $A # kept")
        .containsEntry("C", "double\tescaped \"q\" plain value")
        .containsEntry("D", "line one\nline two")
        .containsEntry("E", "no#comment")
        .containsEntry("F", "")
        .containsEntry("BARE", null)
        .containsEntry("G", "fallback");
  }

  @Test
  void dotEnv_feedsInterpolationButTheShellWins() throws Exception {
    Service web =
        new ComposeFixture(tmp)
            .file(".env", "TAG=1.0\nNAME=fromfile\n")
            .var("NAME", "fromshell")
            .compose("services:\n  web:\n    image: nginx:${TAG}\n    hostname: ${NAME}\n")
            .service("web");

    assertThat(web.image()).isEqualTo("nginx:1.0");
    assertThat(web.hostname()).isEqualTo("fromshell");
  }

  @Test
  void envFileOption_replacesDotEnv() throws Exception {
    ComposeFixture fx =
        new ComposeFixture(tmp)
            .file(".env", "TAG=dotenv\n")
            .file("prod.env", "TAG=prod\n")
            .compose("services:\n  web:\n    image: nginx:${TAG}\n");

    assertThat(fx.load(fx.options().withEnvFiles(List.of("prod.env"))).service("web").image())
        .isEqualTo("nginx:prod");
  }

  @Test
  void composeDisableEnvFile_skipsDotEnv() throws Exception {
    Service web =
        new ComposeFixture(tmp)
            .file(".env", "TAG=dotenv\n")
            .var("COMPOSE_DISABLE_ENV_FILE", "true")
            .compose("services:\n  web:\n    image: nginx:${TAG:-none}\n")
            .service("web");

    assertThat(web.image()).isEqualTo("nginx:none");
  }

  @Test
  void serviceEnvironment_listAndMapFormsWithBareNamesFromTheShell() throws Exception {
    ComposeFixture fx =
        new ComposeFixture(tmp)
            .var("FROM_SHELL", "yes")
            .file("web.env", "A=from-file\nB=from-file\n")
            .compose(
                """
                services:
                  web:
                    image: nginx
                    env_file: [web.env, {path: missing.env, required: false}]
                    environment:
                      - B=explicit
                      - FROM_SHELL
                      - NOT_SET
                  api:
                    image: nginx
                    environment:
                      NUM: 3
                      FLAG: true
                      EMPTY:
                """);
    var p = fx.load();

    Map<String, String> env = new java.util.HashMap<>(p.service("web").environment());
    assertThat(env)
        .containsEntry("A", "from-file")
        .containsEntry("B", "explicit")
        .containsEntry("FROM_SHELL", "yes")
        .containsEntry("NOT_SET", null);
    assertThat(p.service("web").envFiles())
        .containsExactly(
            new EnvFileRef(fx.dir.resolve("web.env").toString(), true, null),
            new EnvFileRef(fx.dir.resolve("missing.env").toString(), false, null));
    assertThat(p.service("api").environment())
        .containsEntry("NUM", "3")
        .containsEntry("FLAG", "true");
  }

  @Test
  void missingRequiredEnvFile_isAnErrorNamingTheService() {
    ComposeFixture fx =
        new ComposeFixture(tmp)
            .compose("services:\n  web:\n    image: nginx\n    env_file: nope.env\n");

    assertThatThrownBy(fx::load)
        .hasMessageStartingWith("compose.yaml: services.web.env_file: env file ")
        .hasMessageContaining("nope.env not found");
  }
}
