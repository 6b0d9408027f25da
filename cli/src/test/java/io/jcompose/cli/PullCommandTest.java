package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.api.Project;
import io.jcompose.model.api.ProjectLoader;
import io.jcompose.model.api.ProjectOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullCommandTest {
  @TempDir Path dir;

  @Test
  void includeDeps_addsEveryServiceTheNamedOnesDependOn_transitively() throws Exception {
    Project project =
        ProjectLoader.load(
            ProjectOptions.of(dir, Map.of())
                .withConfigFiles(List.of("-"))
                .withStdinContent(
                    """
                    name: p
                    services:
                      web: {image: web, depends_on: [api]}
                      api: {image: api, depends_on: [db]}
                      db: {image: db}
                      other: {image: other}
                    """));

    assertThat(PullCommand.withDependencies(project, List.of("web")))
        .containsExactlyInAnyOrder("web", "api", "db");
    assertThat(PullCommand.withDependencies(project, List.of("db"))).containsExactly("db");
  }
}
