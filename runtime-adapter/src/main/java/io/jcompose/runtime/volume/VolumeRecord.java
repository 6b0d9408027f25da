package io.jcompose.runtime.volume;

import java.util.Map;

/** The metadata file of a volume ({@code <name>/volume.json}). */
record VolumeRecord(String name, Map<String, String> labels, String createdAt) {
  VolumeRecord {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }
}
