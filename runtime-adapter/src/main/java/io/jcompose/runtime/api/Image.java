package io.jcompose.runtime.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * An image in the local store.
 *
 * @param id image id: the digest of its config blob ({@code sha256:…})
 * @param repoTags references that point at it ({@code docker.io/library/busybox:latest})
 * @param repoDigests manifest digests it was pulled by, if any
 * @param layerDirs unpacked layer directories, lowest first (overlay {@code lowerdir} order is the
 *     reverse)
 * @param config its run-time defaults
 * @param architecture architecture ({@code amd64})
 * @param os operating system ({@code linux})
 * @param sizeBytes bytes of its unpacked layers
 * @param created creation time from the image config, or null
 */
public record Image(
    String id,
    List<String> repoTags,
    List<String> repoDigests,
    List<Path> layerDirs,
    ImageConfig config,
    String architecture,
    String os,
    long sizeBytes,
    Instant created) {

  public Image {
    repoTags = List.copyOf(repoTags);
    repoDigests = List.copyOf(repoDigests);
    layerDirs = List.copyOf(layerDirs);
  }
}
