package io.jcompose.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.scheduler.api.EngineJson;
import io.jcompose.scheduler.api.ProgressEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressViewsTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String shown(String mode, ProgressEvent... events) {
    try (ProgressView view =
        ProgressViews.create(mode, "Running", false, out, EngineJson.mapper())) {
      for (ProgressEvent e : events) {
        view.show(e);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void plain_printsOneLinePerEvent_withTheDetailOfErrors() {
    String text =
        shown(
            "plain",
            ProgressEvent.working("Container demo-web-1", "Starting"),
            ProgressEvent.error("Container demo-db-1", "exited with code 1"));

    assertThat(text.lines())
        .containsExactly(
            " Container demo-web-1  Starting", " Container demo-db-1  Error: exited with code 1");
  }

  @Test
  void tty_redrawsOneLinePerResourceInPlace_andCountsFinishedOnes() {
    String text =
        shown(
            "tty",
            ProgressEvent.working("Container demo-web-1", "Starting"),
            ProgressEvent.working("Container demo-db-1", "Starting"),
            ProgressEvent.done("Container demo-web-1", "Started"));

    String lastFrame = text.substring(text.lastIndexOf("[+]"));
    assertThat(lastFrame.chars().filter(c -> c == '\n').count()).isEqualTo(3);
    assertThat(lastFrame).startsWith("[+] Running 1/2");
    assertThat(lastFrame).contains("✔ Container demo-web-1  Started");
    // Each redraw moves the cursor back up over the previous frame.
    assertThat(text).contains("\033[3A");
  }

  @Test
  void json_writesEachEventAsOneObject() {
    String text = shown("json", ProgressEvent.done("Network demo_default", "Created"));

    assertThat(text.lines())
        .singleElement()
        .asString()
        .contains("\"resource\":\"Network demo_default\"")
        .contains("\"status\":\"Created\"");
  }

  @Test
  void quiet_printsNothing() {
    assertThat(shown("quiet", ProgressEvent.done("Network demo_default", "Created"))).isEmpty();
  }
}
