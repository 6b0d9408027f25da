package io.jcompose.runtime.linux;

import static io.jcompose.runtime.linux.LinuxRuntimeFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.MountSpec;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime tells the image and volume stores which images and volumes its containers use, so
 * {@code image rm} and {@code volume rm/prune} leave them alone while a container exists.
 */
class ContainerResourceUseIT {
  private LinuxRuntimeFixture fixture;
  private String suffix;

  @BeforeEach
  void setUp() throws IOException {
    fixture = new LinuxRuntimeFixture();
    suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void imageAndVolumesAreUsedFromCreateThroughExitAndRestartUntilRemove() {
    String imageId = await(fixture.images.resolve("busybox")).id();
    String volume = "use-" + suffix;
    ContainerSpec spec =
        ContainerSpec.of("use-it-" + suffix, "busybox")
            .withCommand(List.of("true"))
            .withMounts(
                List.of(
                    MountSpec.volume(volume, "/data", false),
                    MountSpec.volume(null, "/anon", false)));
    assertThat(await(fixture.runtime.usesImage(imageId))).isFalse();
    assertThat(await(fixture.runtime.usesVolume(volume))).isFalse();

    ContainerState c = await(fixture.runtime.create(spec));
    String anonymous =
        await(fixture.volumes.list(Map.of(VolumeMounts.ANONYMOUS_LABEL, ""))).get(0).name();
    assertThat(await(fixture.runtime.usesImage(imageId))).as("created").isTrue();
    assertThat(await(fixture.runtime.usesVolume(volume))).as("created").isTrue();
    assertThat(await(fixture.runtime.usesVolume(anonymous))).as("anonymous").isTrue();
    assertThat(await(fixture.runtime.usesVolume("other-" + suffix))).isFalse();
    assertThat(await(fixture.runtime.usesImage("sha256:" + "0".repeat(64)))).isFalse();

    await(fixture.runtime.start(c.id()));
    await(fixture.runtime.waitForExit(c.id()));
    assertThat(await(fixture.runtime.usesImage(imageId))).as("exited").isTrue();
    assertThat(await(fixture.runtime.usesVolume(volume))).as("exited").isTrue();

    // The record on disk carries the volumes, so a restarted daemon still protects them.
    LinuxContainerRuntime restarted = fixture.restarted();
    assertThat(await(restarted.usesImage(imageId))).as("after restart").isTrue();
    assertThat(await(restarted.usesVolume(volume))).as("after restart").isTrue();

    await(restarted.remove(c.id(), false));
    assertThat(await(restarted.usesImage(imageId))).as("removed").isFalse();
    assertThat(await(restarted.usesVolume(volume))).as("removed").isFalse();
    assertThat(await(restarted.usesVolume(anonymous))).as("removed").isFalse();
  }
}
