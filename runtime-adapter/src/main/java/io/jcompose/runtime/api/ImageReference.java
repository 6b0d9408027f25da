package io.jcompose.runtime.api;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A parsed image reference, normalised as docker does ({@code busybox} is {@code
 * docker.io/library/busybox:latest}).
 *
 * <p>The grammar is the one of docker's reference package: {@code
 * [host[:port]/]path[:tag][@digest]} where the first path component is a registry host only if it
 * contains a {@code .} or a {@code :}, is {@code localhost}, or has upper-case letters; repository
 * paths are lower-case.
 *
 * @param registry registry host, with port if any ({@code docker.io}, {@code localhost:5000})
 * @param repository repository path ({@code library/busybox})
 * @param tag tag, or null when only a digest is given
 * @param digest {@code sha256:…}, or null
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

  /** Docker Hub's canonical registry name. */
  public static final String DOCKER_HUB = "docker.io";

  private static final String DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final Pattern DOMAIN =
      Pattern.compile(
          "(?:"
              + DOMAIN_COMPONENT
              + "(?:\\."
              + DOMAIN_COMPONENT
              + ")*|\\[[0-9a-fA-F:.]+\\])"
              + "(?::[0-9]+)?");
  private static final Pattern PATH_COMPONENT =
      Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern DIGEST =
      Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}");
  private static final Pattern IMAGE_ID = Pattern.compile("[a-f0-9]{64}");
  private static final int MAX_NAME_LENGTH = 255;

  /**
   * Parses and normalises a reference.
   *
   * @throws IllegalArgumentException with a one-line message naming the reference and what is wrong
   *     with it
   */
  public static ImageReference parse(String reference) {
    if (reference == null || reference.isBlank()) {
      throw new IllegalArgumentException("invalid image reference: it is empty");
    }
    String rest = reference;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      checkDigest(reference, digest);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        throw invalid(
            reference, "tag '" + tag + "' is not valid (letters, digits, _ . -, max 128)");
      }
    }
    if (rest.isEmpty()) {
      throw invalid(reference, "the repository name is missing");
    }
    if (IMAGE_ID.matcher(rest).matches() && tag == null && digest == null) {
      throw invalid(reference, "a 64-character hex string is an image id, not a repository name");
    }
    String registry = DOCKER_HUB;
    String path = rest;
    int slash = rest.indexOf('/');
    if (slash >= 0 && isRegistryHost(rest.substring(0, slash))) {
      registry = rest.substring(0, slash);
      path = rest.substring(slash + 1);
      if (!DOMAIN.matcher(registry).matches()) {
        throw invalid(reference, "registry host '" + registry + "' is not a valid host[:port]");
      }
    }
    if (registry.equals("index.docker.io")) {
      registry = DOCKER_HUB;
    }
    checkPath(reference, path);
    if (registry.equals(DOCKER_HUB) && !path.contains("/")) {
      path = "library/" + path;
    }
    if (registry.length() + 1 + path.length() > MAX_NAME_LENGTH) {
      throw invalid(reference, "the repository name is longer than 255 characters");
    }
    if (tag == null && digest == null) {
      tag = "latest";
    }
    return new ImageReference(registry, path, tag, digest);
  }

  private static boolean isRegistryHost(String first) {
    return first.contains(".")
        || first.contains(":")
        || first.equals("localhost")
        || !first.toLowerCase(Locale.ROOT).equals(first);
  }

  private static void checkPath(String reference, String path) {
    if (!path.toLowerCase(Locale.ROOT).equals(path)) {
      throw invalid(reference, "repository name must be lowercase");
    }
    for (String component : path.split("/", -1)) {
      if (!PATH_COMPONENT.matcher(component).matches()) {
        throw invalid(
            reference,
            component.isEmpty()
                ? "the repository path has an empty component"
                : "'" + component + "' is not a valid repository path component");
      }
    }
  }

  private static void checkDigest(String reference, String digest) {
    if (!DIGEST.matcher(digest).matches()) {
      throw invalid(reference, "digest '" + digest + "' is not algorithm:hex");
    }
    if (digest.startsWith("sha256:") && !digest.matches("sha256:[a-f0-9]{64}")) {
      throw invalid(reference, "a sha256 digest has 64 lower-case hex characters");
    }
  }

  private static IllegalArgumentException invalid(String reference, String why) {
    return new IllegalArgumentException("invalid image reference '" + reference + "': " + why);
  }

  /** Whether the reference pins content by digest. */
  public boolean hasDigest() {
    return digest != null;
  }

  /** What a registry's manifest endpoint is asked for: the digest if any, else the tag. */
  public String manifestReference() {
    return digest != null ? digest : tag;
  }

  /** The repository with its registry, without tag or digest ({@code docker.io/library/redis}). */
  public String name() {
    return registry + "/" + repository;
  }

  /** The full normalised form, {@code registry/repository[:tag][@digest]}. */
  @Override
  public String toString() {
    return registry
        + "/"
        + repository
        + (tag == null ? "" : ":" + tag)
        + (digest == null ? "" : "@" + digest);
  }

  /** The short form docker prints ({@code busybox:latest}, {@code ghcr.io/o/a:1}). */
  public String familiar() {
    String repo = repository;
    if (registry.equals(DOCKER_HUB)) {
      repo = repo.startsWith("library/") ? repo.substring("library/".length()) : repo;
    } else {
      repo = registry + "/" + repo;
    }
    return repo + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }
}
