package io.jcompose.runtime.network;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Kernel device names: they must fit IFNAMSIZ (15 characters) and be unique on the host, so they
 * are a short prefix and a hash of the long name ({@code jc-1a2b3c4d} bridges, {@code
 * jcv1a2b3c4d5e} host-side veths).
 */
final class DeviceNames {
  private DeviceNames() {}

  static String bridge(String network, int attempt) {
    return "jc-" + hash(network + (attempt == 0 ? "" : "#" + attempt), 8);
  }

  static String hostVeth(String containerId, String network) {
    return "jcv" + hash(containerId + "/" + network, 10);
  }

  /** The nftables table of one network (identifier characters only). */
  static String natTable(String bridge) {
    return "jcompose_" + bridge.substring(3);
  }

  static String hash(String text, int hexChars) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, hexChars);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Docker's convention: 02:42 followed by the four address bytes. */
  static String macFor(int address) {
    return String.format(
        "02:42:%02x:%02x:%02x:%02x",
        (address >>> 24) & 0xff, (address >>> 16) & 0xff, (address >>> 8) & 0xff, address & 0xff);
  }
}
