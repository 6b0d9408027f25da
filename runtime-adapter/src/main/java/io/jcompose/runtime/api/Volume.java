package io.jcompose.runtime.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A named volume.
 *
 * @param name full name ({@code <project>_<volume>})
 * @param mountpoint host directory that holds its data
 * @param labels its labels
 * @param createdAt when it was created
 */
public record Volume(String name, Path mountpoint, Map<String, String> labels, Instant createdAt) {
  public Volume {
    labels = Map.copyOf(labels);
  }
}
