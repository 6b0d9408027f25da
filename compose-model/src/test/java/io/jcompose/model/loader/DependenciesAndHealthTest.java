package io.jcompose.model.loader;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.api.Healthcheck;
import io.jcompose.model.api.Service;
import io.jcompose.model.api.ServiceDependency;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependenciesAndHealthTest {
  @TempDir Path tmp;

  @Test
  void dependsOn_listAndMapFormsBecomeLongForm() throws Exception {
    var p =
        new ComposeFixture(tmp)
            .compose(
                """
                services:
                  web:
                    image: nginx
                    depends_on: [db, cache]
                  worker:
                    image: app
                    depends_on:
                      db: {condition: service_healthy, restart: true}
                      migrate: {condition: service_completed_successfully}
                      optional: {required: false}
                  db: {image: postgres}
                  cache: {image: redis}
                  migrate: {image: app}
                """)
            .load();

    assertThat(p.service("web").dependsOn())
        .containsEntry("db", new ServiceDependency("service_started", true, false))
        .containsEntry("cache", new ServiceDependency("service_started", true, false));
    assertThat(p.service("worker").dependsOn())
        .containsEntry("db", new ServiceDependency("service_healthy", true, true))
        .containsEntry(
            "migrate", new ServiceDependency("service_completed_successfully", true, false))
        .containsEntry("optional", new ServiceDependency("service_started", false, false));
  }

  @Test
  void optionalDependencyOnUndefinedService_isAWarning() throws Exception {
    var p =
        new ComposeFixture(tmp)
            .compose(
                "services:\n  web:\n    image: x\n    depends_on:\n      ghost: {required: false}\n")
            .load();

    assertThat(p.warnings())
        .containsExactly(
            "services.web.depends_on.ghost: optional dependency \"ghost\" is not defined; it is ignored");
  }

  @Test
  void healthcheck_stringTestBecomesCmdShellAndDurationsParse() throws Exception {
    Service web =
        new ComposeFixture(tmp)
            .compose(
                """
                services:
                  web:
                    image: nginx
                    healthcheck:
                      test: curl -f http://localhost || exit 1
                      interval: 1m30s
                      timeout: 500ms
                      start_period: 2s
                      start_interval: 1.5s
                      retries: 5
                """)
            .service("web");

    assertThat(web.healthcheck())
        .isEqualTo(
            new Healthcheck(
                List.of("CMD-SHELL", "curl -f http://localhost || exit 1"),
                Duration.ofSeconds(90),
                Duration.ofMillis(500),
                Duration.ofSeconds(2),
                Duration.ofMillis(1500),
                5,
                false));
  }

  @Test
  void healthcheck_noneAndDisableBothDisable() throws Exception {
    var p =
        new ComposeFixture(tmp)
            .compose(
                """
                services:
                  a: {image: x, healthcheck: {test: [NONE]}}
                  b: {image: x, healthcheck: {disable: true}}
                  c: {image: x, healthcheck: {test: [CMD, pg_isready]}}
                """)
            .load();

    assertThat(p.service("a").healthcheck().disabled()).isTrue();
    assertThat(p.service("b").healthcheck().disabled()).isTrue();
    assertThat(p.service("c").healthcheck().disabled()).isFalse();
    assertThat(p.service("c").healthcheck().test()).containsExactly("CMD", "pg_isready");
  }

  @Test
  void goDurations_printLikeGo() {
    assertThat(GoDuration.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(GoDuration.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(GoDuration.format(Duration.ofMillis(500))).isEqualTo("500ms");
    assertThat(GoDuration.format(Duration.ofHours(2))).isEqualTo("2h0m0s");
    assertThat(GoDuration.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(GoDuration.parse("1h2m3s")).isEqualTo(Duration.ofSeconds(3723));
    assertThat(GoDuration.parse("10")).isNull();
  }
}
