package io.jcompose.cli.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;

/** Makes the view a {@code --progress} mode asks for. */
public final class ProgressViews {

  private ProgressViews() {}

  /**
   * A view of the named mode.
   *
   * @param mode {@code tty}, {@code plain}, {@code json} or {@code quiet} (auto already resolved)
   * @param title the verb's word for the header ({@code Running}, {@code Stopping})
   * @param colour whether ANSI colours may be used
   * @param out where to draw (docker compose draws progress on stderr)
   * @param mapper the mapper for {@code json}
   */
  public static ProgressView create(
      String mode, String title, boolean colour, PrintStream out, ObjectMapper mapper) {
    return switch (mode) {
      case "tty" -> new TtyProgress(out, title, colour);
      case "json" -> new JsonProgress(out, mapper);
      case "quiet" -> new QuietProgress();
      default -> new PlainProgress(out);
    };
  }
}
