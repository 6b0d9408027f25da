package io.jcompose.model.loader;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompositionTest {
  @TempDir Path tmp;

  @Test
  void extendsInSameFile_mergesBaseUnderChild() throws Exception {
    Service web =
        new ComposeFixture(tmp)
            .compose(
                """
                services:
                  base:
                    image: app
                    environment: {A: "1", B: "1"}
                    command: [base]
                  web:
                    extends: base
                    environment: {B: "2"}
                    command: [web]
                """)
            .service("web");

    assertThat(web.image()).isEqualTo("app");
    assertThat(web.environment()).containsEntry("A", "1").containsEntry("B", "2");
    assertThat(web.command()).containsExactly("web");
  }

  @Test
  void extendsFromOtherFile_rebasesItsRelativePaths() throws Exception {
    ComposeFixture fx =
        new ComposeFixture(tmp)
            .file(
                "common/base.yaml",
                "services:\n  app:\n    build: ./ctx\n    volumes: [\"./data:/data\"]\n")
            .compose("services:\n  web:\n    extends: {file: common/base.yaml, service: app}\n");
    Service web = fx.service("web");

    assertThat(web.build().context()).isEqualTo(fx.dir.resolve("common/ctx").toString());
    assertThat(web.volumes().get(0).source()).isEqualTo(fx.dir.resolve("common/data").toString());
  }

  @Test
  void include_loadsASubProjectRelativeToItself() throws Exception {
    ComposeFixture fx =
        new ComposeFixture(tmp)
            .file(
                "db/compose.yaml",
                "services:\n  db:\n    image: postgres:${PG:-16}\n    volumes: [\"./init:/init\"]\n")
            .file("db/.env", "PG=15\n")
            .compose(
                "include:\n  - db/compose.yaml\nservices:\n  web: {image: nginx, depends_on: [db]}\n");
    Project p = fx.load();

    assertThat(p.services()).containsOnlyKeys("db", "web");
    assertThat(p.service("db").image()).isEqualTo("postgres:15");
    assertThat(p.service("db").volumes().get(0).source())
        .isEqualTo(fx.dir.resolve("db/init").toString());
  }

  @Test
  void include_conflictWithALocalService_isAnError() {
    ComposeFixture fx =
        new ComposeFixture(tmp)
            .file("other.yaml", "services:\n  web: {image: httpd}\n")
            .compose("include: [other.yaml]\nservices:\n  web: {image: nginx}\n");

    org.assertj.core.api.Assertions.assertThatThrownBy(fx::load)
        .hasMessageStartingWith("compose.yaml: services.web: also defined by included file");
  }
}
