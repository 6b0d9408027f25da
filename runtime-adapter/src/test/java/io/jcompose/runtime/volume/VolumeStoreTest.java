package io.jcompose.runtime.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.NotFoundException;
import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.runtime.api.RuntimePaths;
import io.jcompose.runtime.api.Volume;
import io.jcompose.runtime.api.VolumeStore;
import io.jcompose.runtime.api.VolumeStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeStoreTest {

  @TempDir Path dir;
  Vertx vertx;
  Set<String> inUse = ConcurrentHashMap.newKeySet();
  RuntimePaths paths;
  VolumeStore volumes;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    paths = new RuntimePaths(dir.resolve("root"), dir.resolve("run"));
    volumes = VolumeStores.open(vertx, paths, inUse::contains);
  }

  @AfterEach
  void tearDown() {
    await(vertx.close());
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new AssertionError(e.getCause());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void create_makesDataDirectoryUnderVolumesRootAndIsIdempotent() throws Exception {
    Volume created = await(volumes.create("proj_db", Map.of("com.docker.compose.project", "proj")));
    Files.writeString(created.mountpoint().resolve("row"), "1");

    Volume again = await(volumes.create("proj_db", Map.of()));

    assertThat(created.mountpoint())
        .isEqualTo(paths.volumes().resolve("proj_db/_data"))
        .isDirectory();
    assertThat(again).isEqualTo(created);
    assertThat(again.mountpoint().resolve("row")).hasContent("1");
    assertThat(await(VolumeStores.open(vertx, paths).inspect("proj_db"))).isEqualTo(created);
  }

  @Test
  void list_filtersByEveryGivenLabel() {
    await(volumes.create("a_one", Map.of("com.docker.compose.project", "a", "x", "1")));
    await(volumes.create("a_two", Map.of("com.docker.compose.project", "a")));
    await(volumes.create("b_one", Map.of("com.docker.compose.project", "b", "x", "1")));

    assertThat(await(volumes.list(Map.of("com.docker.compose.project", "a"))))
        .extracting(Volume::name)
        .containsExactly("a_one", "a_two");
    assertThat(await(volumes.list(Map.of("x", "1", "com.docker.compose.project", "b"))))
        .extracting(Volume::name)
        .containsExactly("b_one");
    assertThat(await(volumes.list(Map.of()))).hasSize(3);
  }

  @Test
  void remove_refusesVolumeInUseAndDeletesOtherwise() {
    Volume volume = await(volumes.create("busy", Map.of()));
    inUse.add("busy");

    assertThatThrownBy(() -> await(volumes.remove("busy")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("busy is in use");
    assertThat(volume.mountpoint()).isDirectory();

    inUse.clear();
    await(volumes.remove("busy"));
    assertThat(paths.volumes().resolve("busy")).doesNotExist();
    assertThatThrownBy(() -> await(volumes.inspect("busy"))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> await(volumes.remove("busy"))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void prune_removesOnlyUnusedMatchingVolumes() {
    String anonymous = "ab".repeat(32);
    await(volumes.create(anonymous, Map.of("com.docker.volume.anonymous", "")));
    await(volumes.create("kept_used", Map.of("com.docker.volume.anonymous", "")));
    await(volumes.create("kept_named", Map.of()));
    inUse.add("kept_used");

    assertThat(await(volumes.prune(Map.of("com.docker.volume.anonymous", ""))))
        .containsExactly(anonymous);
    assertThat(await(volumes.list(Map.of())))
        .extracting(Volume::name)
        .containsExactly("kept_named", "kept_used");
  }

  @Test
  void create_rejectsNamesThatAreNotSingleSafeDirectoryNames() {
    for (String bad : new String[] {"../escape", "a/b", "x", ".hidden", ""}) {
      assertThatThrownBy(() -> await(volumes.create(bad, Map.of())))
          .as(bad)
          .isInstanceOf(RuntimeFailure.class)
          .hasMessageContaining("is invalid");
    }
  }
}
