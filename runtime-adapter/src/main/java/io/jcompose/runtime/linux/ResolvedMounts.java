package io.jcompose.runtime.linux;

import io.jcompose.runtime.oci.OciSpec;
import java.util.List;

/**
 * A container's user mounts with volumes resolved to host directories.
 *
 * @param mounts in mount order
 * @param anonymousVolumes names of the anonymous volumes created for it
 */
record ResolvedMounts(List<OciSpec.Mount> mounts, List<String> anonymousVolumes) {
  ResolvedMounts {
    mounts = List.copyOf(mounts);
    anonymousVolumes = List.copyOf(anonymousVolumes);
  }
}
