package io.jcompose.runtime.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading start times from a stand-in for /proc. */
class ProcessTableTest {
  @TempDir Path proc;

  private void stat(int pid, String state, long ticks) throws Exception {
    StringBuilder fields = new StringBuilder(state);
    for (int i = 1; i < 19; i++) {
      fields.append(" 0");
    }
    fields.append(' ').append(ticks).append(" 0 0");
    Files.createDirectories(proc.resolve(Integer.toString(pid)));
    Files.writeString(proc.resolve(pid + "/stat"), pid + " (jcompose shim (x)) " + fields + "\n");
  }

  @Test
  void startTicks_readsTheFieldAfterTheCommandName() throws Exception {
    stat(42, "S", 123456);
    assertThat(ProcessTable.startTicks(proc, 42)).isEqualTo(123456);
    assertThat(ProcessTable.alive(proc, 42, 123456)).isTrue();
    assertThat(ProcessTable.alive(proc, 42, 999)).as("pid reused by another process").isFalse();
  }

  @Test
  void missingProcessOrZombie_isGone() throws Exception {
    stat(43, "Z", 5);
    assertThat(ProcessTable.startTicks(proc, 7)).isEqualTo(ProcessTable.GONE);
    assertThat(ProcessTable.startTicks(proc, 43)).isEqualTo(ProcessTable.GONE);
    assertThat(ProcessTable.alive(proc, 7, 5)).isFalse();
    assertThat(ProcessTable.alive(proc, 43, 5)).isFalse();
  }

  @Test
  void unreadableStat_isNotTakenForADeadProcess() throws Exception {
    // A link to itself where the file should be: opening fails with an error other than "no
    // such file" (ELOOP), as it would when the daemon runs out of file descriptors (EMFILE).
    Files.createDirectories(proc.resolve("44"));
    Files.createSymbolicLink(proc.resolve("44/stat"), proc.resolve("44/stat"));
    assertThatThrownBy(() -> ProcessTable.startTicks(proc, 44))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("/proc/44/stat");
    assertThat(ProcessTable.alive(proc, 44, 5)).isTrue();
  }

  @Test
  void thisProcess_isAliveWithItsOwnStartTime() {
    int self = (int) ProcessHandle.current().pid();
    long ticks = ProcessTable.startTicks(self);
    assertThat(ticks).isPositive();
    assertThat(ProcessTable.alive(self, ticks)).isTrue();
  }
}
