package io.jcompose.model.loader;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesAndMergeTest {
  @TempDir Path tmp;

  private static final String PROFILED =
      """
      services:
        web: {image: nginx}
        debug: {image: busybox, profiles: [dev]}
        tools: {image: busybox, profiles: [ops, dev]}
      """;

  @Test
  void profiles_enableByFlagVariableStarOrName() throws Exception {
    ComposeFixture fx = new ComposeFixture(tmp).compose(PROFILED);

    Project none = fx.load();
    assertThat(none.services()).containsOnlyKeys("web");
    assertThat(none.disabledServices()).containsOnlyKeys("debug", "tools");
    assertThat(none.definedProfiles()).containsExactly("dev", "ops");
    assertThat(fx.load(fx.options().withProfiles(List.of("ops"))).services())
        .containsOnlyKeys("web", "tools");
    assertThat(fx.load(fx.options().withCommandLineServices(List.of("debug"))).services())
        .containsOnlyKeys("web", "debug");
    fx.var("COMPOSE_PROFILES", "dev");
    assertThat(fx.load().services()).containsOnlyKeys("web", "debug", "tools");
    fx.var("COMPOSE_PROFILES", "*");
    assertThat(fx.load().services()).hasSize(3);
  }

  @Test
  void overrideFile_mergesMapsAppendsListsReplacesCommandAndDedupesByKey() throws Exception {
    Service web =
        new ComposeFixture(tmp)
            .compose(
                """
                services:
                  web:
                    image: nginx
                    command: [a, b]
                    environment: {A: "1", B: "1"}
                    ports: ["80:80"]
                    volumes: ["./x:/data"]
                    dns: [1.1.1.1]
                """)
            .file(
                "compose.override.yaml",
                """
                services:
                  web:
                    command: [c]
                    environment: {B: "2"}
                    ports: ["80:80", "443:443"]
                    volumes: ["./y:/data"]
                    dns: [8.8.8.8]
                """)
            .service("web");

    assertThat(web.command()).containsExactly("c");
    assertThat(web.environment()).containsEntry("A", "1").containsEntry("B", "2");
    assertThat(web.ports()).extracting(p -> p.target()).containsExactly(80, 443);
    assertThat(web.volumes()).singleElement().satisfies(v -> assertThat(v.source()).endsWith("/y"));
    assertThat(web.dns()).containsExactly("1.1.1.1", "8.8.8.8");
  }

  @Test
  void resetAndOverrideTags_dropOrReplaceEarlierValues() throws Exception {
    Service web =
        new ComposeFixture(tmp)
            .compose(
                """
                services:
                  web:
                    image: nginx
                    ports: ["80:80"]
                    environment: {A: "1", B: "1"}
                    labels: {x: "1"}
                """)
            .file(
                "compose.override.yaml",
                """
                services:
                  web:
                    ports: !reset []
                    environment: !override {C: "3"}
                    labels:
                      x: !reset
                """)
            .service("web");

    assertThat(web.ports()).isEmpty();
    assertThat(web.environment()).containsOnlyKeys("C");
    assertThat(web.labels()).isEmpty();
  }
}
