package io.jcompose.runtime.api;

import java.util.Locale;

/**
 * The platform an image is pulled for, as an image index lists it ({@code linux/arm64/v8}).
 *
 * @param os operating system ({@code linux})
 * @param architecture OCI architecture name ({@code amd64}, {@code arm64}, {@code arm})
 * @param variant CPU variant ({@code v7}, {@code v8}), or null when it does not matter
 */
public record Platform(String os, String architecture, String variant) {

  /** The platform this JVM runs on, with the architecture named as OCI names it. */
  public static Platform host() {
    String arch = System.getProperty("os.arch", "amd64").toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "amd64", "x86_64" -> new Platform("linux", "amd64", null);
      case "aarch64", "arm64" -> new Platform("linux", "arm64", "v8");
      case "arm" -> new Platform("linux", "arm", "v7");
      case "x86", "i386", "i686" -> new Platform("linux", "386", null);
      default -> new Platform("linux", arch, null);
    };
  }

  /**
   * Parses {@code os/arch[/variant]} as compose's {@code platform:} attribute writes it.
   *
   * @throws IllegalArgumentException when it does not have two or three parts
   */
  public static Platform parse(String text) {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split("/");
    if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new IllegalArgumentException(
          "invalid platform '" + text + "': expected os/architecture[/variant], e.g. linux/amd64");
    }
    return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
  }

  /**
   * Whether an index entry for {@code os/architecture/variant} serves this platform; a variant this
   * platform does not ask for matches anything, and arm64 accepts an entry without variant.
   */
  public boolean matches(String os, String architecture, String variant) {
    if (!this.os.equals(os) || !this.architecture.equals(architecture)) {
      return false;
    }
    if (this.variant == null || variant == null || variant.isEmpty()) {
      return true;
    }
    return this.variant.equals(variant);
  }

  /** {@code os/architecture[/variant]}. */
  @Override
  public String toString() {
    return os + "/" + architecture + (variant == null ? "" : "/" + variant);
  }
}
