package io.jcompose.runtime.linux;

import io.jcompose.runtime.oci.OciSpec;
import java.util.List;

/**
 * A container's user mounts with volumes resolved to host directories.
 *
 * @param mounts in mount order
 * @param anonymousVolumes names of the anonymous volumes created for it
 * @param volumes names of every volume it mounts, named and anonymous
 */
record ResolvedMounts(
    List<OciSpec.Mount> mounts, List<String> anonymousVolumes, List<String> volumes) {
  ResolvedMounts {
    mounts = List.copyOf(mounts);
    anonymousVolumes = List.copyOf(anonymousVolumes);
    volumes = List.copyOf(volumes);
  }
}
