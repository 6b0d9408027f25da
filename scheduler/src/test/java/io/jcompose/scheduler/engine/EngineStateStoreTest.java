package io.jcompose.scheduler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.health.api.HealthStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineStateStoreTest {

  @TempDir Path dir;

  @Test
  void containerRecord_keepsHealthAcrossSaveAndLoad() {
    EngineStateStore store = new EngineStateStore(dir);
    store.save(ContainerRecord.fresh("c1").restarted().withHealth(HealthStatus.UNHEALTHY, 3));

    ContainerRecord loaded = store.load("c1").orElseThrow();

    assertThat(loaded.health()).isEqualTo(HealthStatus.UNHEALTHY);
    assertThat(loaded.failingStreak()).isEqualTo(3);
    assertThat(loaded.restartCount()).isEqualTo(1);
  }

  @Test
  void containerRecordWrittenBeforeHealthWasKept_loadsWithoutHealth() throws Exception {
    EngineStateStore store = new EngineStateStore(dir);
    Files.writeString(
        dir.resolve("containers/old.json"),
        "{\"id\":\"old\",\"restartCount\":2,\"stoppedByUser\":true}");

    ContainerRecord loaded = store.load("old").orElseThrow();

    assertThat(loaded.health()).isNull();
    assertThat(loaded.restartCount()).isEqualTo(2);
    assertThat(loaded.stoppedByUser()).isTrue();
  }
}
