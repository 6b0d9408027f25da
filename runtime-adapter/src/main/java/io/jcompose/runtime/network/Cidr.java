package io.jcompose.runtime.network;

import io.jcompose.runtime.api.RuntimeFailure;

/** An IPv4 subnet as base address and prefix length, with the address arithmetic IPAM needs. */
record Cidr(int base, int prefix) {

  Cidr {
    if (prefix < 0 || prefix > 32) {
      throw new IllegalArgumentException("prefix " + prefix);
    }
    base = base & mask(prefix);
  }

  /** Parses {@code a.b.c.d/n}; a bare address is a /32. */
  static Cidr parse(String text) {
    String[] parts = text.trim().split("/", 2);
    int prefix;
    try {
      prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : 32;
    } catch (NumberFormatException e) {
      throw new RuntimeFailure("invalid subnet '" + text + "': expected a.b.c.d/len");
    }
    if (prefix < 0 || prefix > 32) {
      throw new RuntimeFailure("invalid subnet '" + text + "': prefix must be 0..32");
    }
    return new Cidr(parseAddress(parts[0]), prefix);
  }

  static int parseAddress(String text) {
    String[] octets = text.trim().split("\\.");
    if (octets.length != 4) {
      throw new RuntimeFailure("invalid IPv4 address '" + text + "'");
    }
    int value = 0;
    for (String octet : octets) {
      int b;
      try {
        b = Integer.parseInt(octet);
      } catch (NumberFormatException e) {
        throw new RuntimeFailure("invalid IPv4 address '" + text + "'");
      }
      if (b < 0 || b > 255) {
        throw new RuntimeFailure("invalid IPv4 address '" + text + "'");
      }
      value = (value << 8) | b;
    }
    return value;
  }

  static String format(int address) {
    return ((address >>> 24) & 0xff)
        + "."
        + ((address >>> 16) & 0xff)
        + "."
        + ((address >>> 8) & 0xff)
        + "."
        + (address & 0xff);
  }

  static int mask(int prefix) {
    return prefix == 0 ? 0 : -1 << (32 - prefix);
  }

  int size() {
    return prefix == 0 ? -1 : 1 << (32 - prefix);
  }

  int last() {
    return base | ~mask(prefix);
  }

  boolean contains(int address) {
    return (address & mask(prefix)) == base;
  }

  /** Whether every address of {@code other} is in this subnet. */
  boolean encloses(Cidr other) {
    return other.prefix >= prefix && contains(other.base);
  }

  boolean overlaps(Cidr other) {
    int common = Math.min(prefix, other.prefix);
    return (base & mask(common)) == (other.base & mask(common));
  }

  /** The first usable host address (the conventional gateway). */
  int firstHost() {
    return prefix >= 31 ? base : base + 1;
  }

  @Override
  public String toString() {
    return format(base) + "/" + prefix;
  }
}
