package io.jcompose.cli;

import java.util.Locale;

/** Byte counts as docker prints them ({@code 4.26MB}, decimal units). */
final class Sizes {

  private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB"};

  private Sizes() {}

  static String human(long bytes) {
    double value = bytes;
    int unit = 0;
    while (value >= 1000 && unit < UNITS.length - 1) {
      value /= 1000;
      unit++;
    }
    return unit == 0
        ? bytes + "B"
        : String.format(Locale.ROOT, "%.3g", value).replaceAll("\\.?0+$", "") + UNITS[unit];
  }

  /** Binary units for memory ({@code 12.5MiB}). */
  static String binary(long bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, unit == 0 ? "%.0f" : "%.2f", value) + units[unit];
  }
}
