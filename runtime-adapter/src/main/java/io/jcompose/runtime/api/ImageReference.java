package io.jcompose.runtime.api;

/**
 * A parsed image reference, normalised as docker does ({@code busybox} is {@code
 * docker.io/library/busybox:latest}).
 *
 * @param registry registry host, with port if any ({@code docker.io}, {@code localhost:5000})
 * @param repository repository path ({@code library/busybox})
 * @param tag tag, or null when only a digest is given
 * @param digest {@code sha256:…}, or null
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

  /** Docker Hub's canonical registry name. */
  public static final String DOCKER_HUB = "docker.io";

  /**
   * Parses a reference.
   *
   * @throws IllegalArgumentException with a one-line message when it is malformed
   */
  public static ImageReference parse(String reference) {
    if (reference == null || reference.isBlank()) {
      throw new IllegalArgumentException("empty image reference");
    }
    String rest = reference;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    String registry = DOCKER_HUB;
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        registry = first;
        rest = rest.substring(slash + 1);
      }
    }
    if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
      rest = "library/" + rest;
    }
    if (tag == null && digest == null) {
      tag = "latest";
    }
    return new ImageReference(registry, rest, tag, digest);
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
