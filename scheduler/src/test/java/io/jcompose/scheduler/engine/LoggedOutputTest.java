package io.jcompose.scheduler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoggedOutputTest {

  @Test
  void passesEveryByteOn_andLogsEachLine_terminalLineEndsAndAnUnendedLastLineToo()
      throws Exception {
    byte[] output = "one\r\ntwo\nthree".getBytes(StandardCharsets.UTF_8);
    List<String> logged = new ArrayList<>();

    byte[] passed;
    try (LoggedOutput in =
        new LoggedOutput(
            new ByteArrayInputStream(output), (s, line) -> logged.add(s + ":" + line), "stdout")) {
      passed = in.readAllBytes();
    }

    assertThat(passed).isEqualTo(output);
    assertThat(logged).containsExactly("stdout:one", "stdout:two", "stdout:three");
  }
}
