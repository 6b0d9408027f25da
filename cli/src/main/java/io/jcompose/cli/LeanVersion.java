package io.jcompose.cli;

import java.util.Arrays;
import java.util.List;

/**
 * The fast path for the plain forms of {@code version}: {@code jcompose version}, {@code version
 * --short}, {@code --version}, {@code -v}. Every other form goes through picocli's {@link
 * VersionCommand}, which prints the same text.
 */
final class LeanVersion {

  private static final List<List<String>> FORMS =
      List.of(
          List.of("version"), List.of("version", "--short"), List.of("--version"), List.of("-v"));

  private LeanVersion() {}

  static boolean handles(String[] args) {
    return FORMS.contains(Arrays.asList(args));
  }

  static String render(String[] args, BuildInfo build) {
    boolean isShort = args.length == 2;
    return isShort ? build.version() : text(build);
  }

  /** The line docker compose prints as {@code Docker Compose version v2.x}. */
  static String text(BuildInfo build) {
    return "jcompose version " + build.version();
  }
}
