package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;

/** File modes: YAML integers (0o440 / 288) or octal strings ({@code "0440"}). */
final class FileMode {
  private FileMode() {}

  static Integer parse(ValueReader r, Object value, String path) throws ComposeFileException {
    value = ValueReader.plain(value);
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      String t = s.strip();
      if (t.matches("0?o?[0-7]{1,4}")) {
        return Integer.parseInt(t.replace("o", ""), 8);
      }
      throw r.error(path, "invalid file mode \"" + s + "\"; use an octal number like 0440");
    }
    Integer mode = r.intValue(value, path);
    if (mode < 0 || mode > 07777) {
      throw r.error(path, "file mode " + mode + " is out of range");
    }
    return mode;
  }
}
