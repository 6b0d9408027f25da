package io.jcompose.runtime.cgroup;

import java.util.List;

/**
 * One device allow rule as the v1 {@code devices.allow} file writes it: {@code c 1:3 rwm}.
 *
 * @param type 'a' (all), 'c' (character) or 'b' (block)
 * @param major the major number, or {@link #ANY}
 * @param minor the minor number, or {@link #ANY}
 * @param access any of 'r', 'w', 'm' (mknod)
 */
record DeviceRule(char type, int major, int minor, String access) {
  static final int ANY = -1;

  /** Docker's default allow list (the devices a container gets, and mknod of any). */
  static final List<DeviceRule> DOCKER_DEFAULTS =
      List.of(
          parse("c *:* m"),
          parse("b *:* m"),
          parse("c 1:3 rwm"), // null
          parse("c 1:5 rwm"), // zero
          parse("c 1:7 rwm"), // full
          parse("c 1:8 rwm"), // random
          parse("c 1:9 rwm"), // urandom
          parse("c 5:0 rwm"), // tty
          parse("c 5:1 rwm"), // console
          parse("c 5:2 rwm"), // ptmx
          parse("c 136:* rwm"), // pts
          parse("c 10:200 rwm")); // tun

  DeviceRule {
    if ("acb".indexOf(type) < 0 || !access.matches("[rwm]{1,3}")) {
      throw new IllegalArgumentException("bad device rule: " + type + " " + access);
    }
  }

  /** Parses {@code TYPE MAJOR:MINOR ACCESS} with {@code *} for any number. */
  static DeviceRule parse(String text) {
    String[] parts = text.split(" ");
    String[] numbers = parts[1].split(":");
    return new DeviceRule(parts[0].charAt(0), number(numbers[0]), number(numbers[1]), parts[2]);
  }

  private static int number(String text) {
    return text.equals("*") ? ANY : Integer.parseInt(text);
  }

  @Override
  public String toString() {
    return type + " " + text(major) + ":" + text(minor) + " " + access;
  }

  private static String text(int n) {
    return n == ANY ? "*" : Integer.toString(n);
  }
}
