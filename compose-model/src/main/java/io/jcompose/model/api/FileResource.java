package io.jcompose.model.api;

import java.util.Map;

/**
 * A secret or config of the project (top-level {@code secrets:} / {@code configs:}); exactly one of
 * file, environment, content or external is the source.
 *
 * @param key the key in the file (what services refer to)
 * @param name resolved name: {@code <project>_<key>} unless {@code name:} is set or it is external
 * @param file absolute path of the source file, null when another source is used
 * @param environment name of the environment variable holding the value, null when unused
 * @param content inline content (configs), null when unused
 * @param external whether it exists outside the project
 * @param labels labels
 * @param driver driver, null when unset
 * @param driverOpts driver options
 * @param templateDriver template driver, null when unset
 * @param extensions {@code x-} fields
 */
public record FileResource(
    String key,
    String name,
    String file,
    String environment,
    String content,
    boolean external,
    Map<String, String> labels,
    String driver,
    Map<String, String> driverOpts,
    String templateDriver,
    Map<String, Object> extensions) {

  /** Normalizes nulls to empty maps. */
  public FileResource {
    labels = Frozen.map(labels);
    driverOpts = Frozen.map(driverOpts);
    extensions = Frozen.map(extensions);
  }

  /** A file-backed resource. */
  public static FileResource ofFile(String key, String name, String absolutePath) {
    return new FileResource(
        key, name, absolutePath, null, null, false, null, null, null, null, null);
  }
}
