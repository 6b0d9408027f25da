package io.jcompose.model.api;

import java.util.Map;

/**
 * A named volume of the project ({@code volumes:} at the top level), canonical.
 *
 * @param key the volume's key in the file (what services refer to)
 * @param name the resolved full name: {@code <project>_<key>} unless {@code name:} is set or the
 *     volume is external
 * @param driver driver, null for local
 * @param driverOpts driver options
 * @param external whether the volume exists outside the project
 * @param labels labels
 * @param extensions {@code x-} fields
 */
public record VolumeDefinition(
    String key,
    String name,
    String driver,
    Map<String, String> driverOpts,
    boolean external,
    Map<String, String> labels,
    Map<String, Object> extensions) {

  /** Normalizes nulls to empty maps. */
  public VolumeDefinition {
    driverOpts = Frozen.map(driverOpts);
    labels = Frozen.map(labels);
    extensions = Frozen.map(extensions);
  }

  /** A local volume {@code key} named {@code fullName}. */
  public static VolumeDefinition local(String key, String fullName) {
    return new VolumeDefinition(key, fullName, null, null, false, null, null);
  }
}
