package io.jcompose.model.loader;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses byte sizes as docker does: {@code 512}, {@code 100k}, {@code 1.5g}, {@code 64MiB}. */
final class ByteSize {
  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?) ?([kmgtp])?(?:i?b)?", Pattern.CASE_INSENSITIVE);

  private ByteSize() {}

  /** The size in bytes, or null when the text is not a size. */
  static Long parse(String text) {
    Matcher m = SIZE.matcher(text.strip());
    if (!m.matches()) {
      return text.strip().equals("-1") ? -1L : null;
    }
    double n = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "" : m.group(2).toLowerCase();
    int power = "kmgtp".indexOf(unit.isEmpty() ? 'x' : unit.charAt(0)) + 1;
    double bytes = n * Math.pow(1024, power);
    if (bytes > Long.MAX_VALUE / 2) {
      return null;
    }
    return (long) bytes;
  }
}
