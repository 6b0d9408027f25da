package io.jcompose.runtime.registry;

/**
 * A content descriptor from a manifest: what a blob is, its digest and its size.
 *
 * @param mediaType media type as the manifest states it
 * @param digest {@code sha256:…}
 * @param size size in bytes
 */
record Descriptor(String mediaType, String digest, long size) {

  /** The first 12 hex digits, as docker prints layer ids. */
  String shortId() {
    String hex = digest.substring(digest.indexOf(':') + 1);
    return hex.length() > 12 ? hex.substring(0, 12) : hex;
  }
}
