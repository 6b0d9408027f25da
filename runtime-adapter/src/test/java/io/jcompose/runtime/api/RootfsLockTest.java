package io.jcompose.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootfsLockTest {

  @TempDir Path container;

  @Test
  void secondHolder_waitsThenFailsWithAConflictNamingTheContainer() {
    try (RootfsLock first = RootfsLock.acquire(container, "web-1", "cp", Duration.ZERO)) {
      long started = System.nanoTime();
      assertThatThrownBy(
              () -> RootfsLock.acquire(container, "web-1", "start", Duration.ofMillis(200)))
          .isInstanceOf(ConflictException.class)
          .hasMessage(
              "container web-1: a cp or a start holds its file system (waited 200 ms);"
                  + " start again once that has ended");
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
    assertThat(container.resolve(RootfsLock.FILE)).exists();
  }

  @Test
  void released_letsTheNextHolderIn_andASecondCloseLetsNoOtherTwoIn() {
    RootfsLock first = RootfsLock.acquire(container, "web-1", "cp", Duration.ZERO);
    first.close();
    first.close();

    try (RootfsLock second = RootfsLock.acquire(container, "web-1", "start", Duration.ZERO)) {
      assertThatThrownBy(() -> RootfsLock.acquire(container, "web-1", "cp", Duration.ZERO))
          .isInstanceOf(ConflictException.class);
    }
  }
}
