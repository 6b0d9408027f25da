package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code include} entry, paths resolved against the including file's directory.
 *
 * @param files the compose files of the included project
 * @param projectDirectory its project directory, null for the first file's directory
 * @param envFiles env files for its interpolation
 */
record IncludeEntry(List<Path> files, Path projectDirectory, List<Path> envFiles) {

  static IncludeEntry parse(ValueReader r, Object value, String p, Path base)
      throws ComposeFileException {
    Object plain = ValueReader.plain(value);
    if (!(plain instanceof Map)) {
      String s = r.string(plain, p);
      if (s == null || s.isBlank()) {
        throw r.error(p, "include needs a path");
      }
      return new IncludeEntry(List.of(base.resolve(s).normalize()), null, List.of());
    }
    Map<String, Object> m = r.map(plain, p);
    r.knownKeys(m, p, Set.of("path", "project_directory", "env_file"));
    List<String> paths = r.stringOrList(m.get("path"), TreePath.child(p, "path"));
    if (paths.isEmpty()) {
      throw r.error(p, "include needs a path");
    }
    List<Path> files = new ArrayList<>();
    for (String s : paths) {
      files.add(base.resolve(s).normalize());
    }
    String dir = r.string(m.get("project_directory"), TreePath.child(p, "project_directory"));
    List<Path> envFiles = new ArrayList<>();
    for (String s : r.stringOrList(m.get("env_file"), TreePath.child(p, "env_file"))) {
      envFiles.add(base.resolve(s).normalize());
    }
    return new IncludeEntry(files, dir == null ? null : base.resolve(dir).normalize(), envFiles);
  }
}
