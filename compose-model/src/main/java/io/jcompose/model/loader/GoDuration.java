package io.jcompose.model.loader;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's duration syntax ({@code 1h2m3.5s}, {@code 500ms}, {@code 10us}), parsed and printed. */
public final class GoDuration {
  private static final Pattern PART =
      Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

  private GoDuration() {}

  /** The duration, or null when the text is not one. */
  public static Duration parse(String text) {
    String s = text.strip();
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      return null;
    }
    Matcher m = PART.matcher(s);
    int pos = 0;
    BigDecimal nanos = BigDecimal.ZERO;
    while (pos < s.length()) {
      if (!m.find(pos) || m.start() != pos) {
        return null;
      }
      BigDecimal n = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
      long unit =
          switch (m.group(2)) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
          };
      nanos = nanos.add(n.multiply(BigDecimal.valueOf(unit)));
      if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
        return null;
      }
      pos = m.end();
    }
    return Duration.ofNanos(nanos.longValue());
  }

  /** Go's printed form: {@code 1m30s}, {@code 1.5s}, {@code 500ms}, {@code 0s}. */
  public static String format(Duration d) {
    long total = d.toNanos();
    if (total == 0) {
      return "0s";
    }
    StringBuilder b = new StringBuilder();
    if (total < 0) {
      b.append('-');
      total = -total;
    }
    if (total < 1_000_000_000L) {
      if (total % 1_000_000 == 0) {
        return b.append(total / 1_000_000).append("ms").toString();
      }
      if (total % 1_000 == 0) {
        return b.append(trim(BigDecimal.valueOf(total, 3))).append("µs").toString();
      }
      if (total < 1_000) {
        return b.append(total).append("ns").toString();
      }
      return b.append(trim(BigDecimal.valueOf(total, 6))).append("ms").toString();
    }
    long hours = total / 3_600_000_000_000L;
    long minutes = (total / 60_000_000_000L) % 60;
    long secNanos = total % 60_000_000_000L;
    if (hours > 0) {
      b.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      b.append(minutes).append('m');
    }
    return b.append(trim(BigDecimal.valueOf(secNanos, 9))).append('s').toString();
  }

  private static String trim(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }
}
