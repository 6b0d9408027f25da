package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;
import io.jcompose.model.api.Project;
import io.jcompose.model.api.ProjectLoader;
import io.jcompose.model.api.ProjectOptions;
import io.jcompose.model.api.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A project directory for tests: write files, set variables, load. */
final class ComposeFixture {
  final Path dir;
  final Map<String, String> env = new HashMap<>();

  ComposeFixture(Path root) {
    this.dir = root.resolve("demo");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    env.put("HOME", "/home/tester");
  }

  ComposeFixture file(String name, String content) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  ComposeFixture compose(String yaml) {
    return file("compose.yaml", yaml);
  }

  ComposeFixture var(String name, String value) {
    env.put(name, value);
    return this;
  }

  ProjectOptions options() {
    return ProjectOptions.of(dir, env);
  }

  Project load() throws ComposeFileException {
    return ProjectLoader.load(options());
  }

  Project load(ProjectOptions options) throws ComposeFileException {
    return ProjectLoader.load(options);
  }

  Service service(String name) throws ComposeFileException {
    return load().service(name);
  }
}
