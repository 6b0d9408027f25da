package io.jcompose.runtime.volume;

import io.jcompose.runtime.api.RuntimeFailure;
import java.util.regex.Pattern;

/** Docker's rule for volume names; it also keeps a name a safe single directory name. */
final class VolumeNames {

  private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

  private VolumeNames() {}

  static String check(String name) {
    if (name == null || !VALID.matcher(name).matches()) {
      throw new RuntimeFailure(
          "volume name '"
              + name
              + "' is invalid: use at least two characters from a-z A-Z 0-9"
              + " _ . -, starting with a letter or digit");
    }
    return name;
  }
}
