package io.jcompose.scheduler.plan;

import static io.jcompose.scheduler.TestProjects.project;
import static io.jcompose.scheduler.TestProjects.service;
import static io.jcompose.scheduler.TestProjects.withVolume;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.api.Project;
import org.junit.jupiter.api.Test;

class ComposeLabelsTest {

  @Test
  void volume_labelsTheProjectAndKey_forDefinedAndUndefinedVolumes() {
    Project p = withVolume(project("shop", service("db")), "data");

    assertThat(ComposeLabels.volume(p, "data"))
        .containsEntry(ComposeLabels.PROJECT, "shop")
        .containsEntry(ComposeLabels.VOLUME, "data");
    assertThat(ComposeLabels.volume(p, "cache"))
        .containsOnlyKeys(ComposeLabels.PROJECT, ComposeLabels.VOLUME)
        .containsEntry(ComposeLabels.VOLUME, "cache");
  }
}
