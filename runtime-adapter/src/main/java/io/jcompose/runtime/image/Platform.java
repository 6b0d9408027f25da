package io.jcompose.runtime.image;

import java.util.Locale;

/** This host's platform in OCI terms. */
final class Platform {

  private Platform() {}

  /** The OCI architecture name of the JVM's architecture ({@code amd64}, {@code arm64}…). */
  static String architecture() {
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "x86_64", "amd64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "x86", "i386", "i686" -> "386";
      default -> arch;
    };
  }
}
