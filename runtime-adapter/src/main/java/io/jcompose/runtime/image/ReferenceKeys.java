package io.jcompose.runtime.image;

import io.jcompose.runtime.api.ImageReference;
import io.jcompose.runtime.api.RuntimeFailure;
import java.util.regex.Pattern;

/**
 * The keys of the reference index: {@code registry/repository:tag} for tags and {@code
 * registry/repository@sha256:…} for digests, both normalised ({@code busybox} is {@code
 * docker.io/library/busybox:latest}).
 */
final class ReferenceKeys {

  private static final Pattern REPOSITORY =
      Pattern.compile(
          "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");

  private ReferenceKeys() {}

  /** The index key a reference names, or null when it is not a well-formed reference. */
  static String key(String reference) {
    try {
      return key(parse(reference));
    } catch (RuntimeFailure e) {
      return null;
    }
  }

  static String key(ImageReference ref) {
    return ref.digest() != null
        ? ref.registry() + "/" + ref.repository() + "@" + ref.digest()
        : ref.registry() + "/" + ref.repository() + ":" + ref.tag();
  }

  /** The digest key of {@code ref}'s repository for a manifest digest. */
  static String digestKey(ImageReference ref, String manifestDigest) {
    return ref.registry() + "/" + ref.repository() + "@" + manifestDigest;
  }

  /** Parses and checks a reference, failing with a message saying what is wrong. */
  static ImageReference parse(String reference) {
    ImageReference ref;
    try {
      ref = ImageReference.parse(reference);
    } catch (IllegalArgumentException e) {
      throw new RuntimeFailure("image reference '" + reference + "': " + e.getMessage(), e);
    }
    if (!REPOSITORY.matcher(ref.repository()).matches()) {
      throw new RuntimeFailure(
          "image reference '"
              + reference
              + "': invalid repository name '"
              + ref.repository()
              + "'; use lowercase letters, digits and . _ - separated by /");
    }
    if (ref.tag() != null && !TAG.matcher(ref.tag()).matches()) {
      throw new RuntimeFailure(
          "image reference '"
              + reference
              + "': invalid tag '"
              + ref.tag()
              + "'; use letters, digits, _ . - (at most 128)");
    }
    if (ref.digest() != null && !Digests.isValid(ref.digest())) {
      throw new RuntimeFailure(
          "image reference '" + reference + "': invalid digest '" + ref.digest() + "'");
    }
    return ref;
  }
}
