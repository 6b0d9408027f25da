package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs stages 1-5 over a list of files: read YAML, interpolate, canonicalize, resolve {@code
 * include} and {@code extends}, and merge the files in order into one canonical tree.
 */
final class ProjectAssembler {
  static final int MAX_INCLUDE_DEPTH = 10;

  /**
   * The merged tree and where each service was first defined.
   *
   * @param tree the merged canonical tree (tags removed)
   * @param serviceFiles the file (display name) that first defined each service
   * @param firstFile display name of the first file
   */
  record Assembled(Map<String, Object> tree, Map<String, String> serviceFiles, String firstFile) {}

  private final Path cwd;
  private final Map<String, String> shell;
  private final boolean interpolate;
  private final Warnings warnings;
  private final Map<Path, ExtendsResolver.CanonicalFile> extendedFiles = new HashMap<>();

  ProjectAssembler(Path cwd, Map<String, String> shell, boolean interpolate, Warnings warnings) {
    this.cwd = cwd;
    this.shell = shell;
    this.interpolate = interpolate;
    this.warnings = warnings;
  }

  Assembled assemble(
      List<SourceFile> files, Path projectDir, Map<String, String> env, List<Path> includeChain)
      throws ComposeFileException {
    Map<String, Object> merged = new LinkedHashMap<>();
    Map<String, String> origins = new LinkedHashMap<>();
    ExtendsResolver extendsResolver = new ExtendsResolver(path -> loadExtended(path, env));
    for (SourceFile file : files) {
      Map<String, Object> tree = canonicalTree(file, projectDir, env);
      tree = includeInto(file, tree, projectDir, env, includeChain);
      tree =
          extendsResolver.resolve(
              new ExtendsResolver.CanonicalFile(file.displayName(), file.path(), tree));
      Object services = tree.get("services");
      if (services instanceof Map<?, ?> m) {
        for (Object name : m.keySet()) {
          origins.putIfAbsent((String) name, file.displayName());
        }
      }
      merged = TreeMerger.merge(merged, tree);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> stripped = (Map<String, Object>) TreeMerger.strip(merged);
    return new Assembled(stripped, origins, files.get(0).displayName());
  }

  private Map<String, Object> canonicalTree(SourceFile file, Path baseDir, Map<String, String> env)
      throws ComposeFileException {
    Map<String, Object> tree = YamlTreeReader.read(file.displayName(), file.content());
    if (interpolate) {
      tree = new Interpolator(env, warnings).apply(file.displayName(), tree);
    }
    return new FileCanonicalizer(file.displayName(), new PathResolver(baseDir, env), warnings)
        .canonical(tree);
  }

  private ExtendsResolver.CanonicalFile loadExtended(Path path, Map<String, String> env)
      throws ComposeFileException {
    Path abs = path.toAbsolutePath().normalize();
    ExtendsResolver.CanonicalFile cached = extendedFiles.get(abs);
    if (cached != null) {
      return cached;
    }
    SourceFile source = ComposeFileLocator.read(cwd, abs, "check extends.file");
    ExtendsResolver.CanonicalFile file =
        new ExtendsResolver.CanonicalFile(
            source.displayName(), abs, canonicalTree(source, abs.getParent(), env));
    extendedFiles.put(abs, file);
    return file;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> includeInto(
      SourceFile file,
      Map<String, Object> tree,
      Path projectDir,
      Map<String, String> env,
      List<Path> chain)
      throws ComposeFileException {
    Object include = tree.remove("include");
    if (include == null) {
      return tree;
    }
    ValueReader r = new ValueReader(file.displayName());
    Path base = file.path() == null ? projectDir : file.path().getParent();
    List<Object> entries = r.list(include, "include");
    for (int i = 0; i < entries.size(); i++) {
      String p = TreePath.index("include", i);
      IncludeEntry entry = IncludeEntry.parse(r, entries.get(i), p, base);
      List<Path> nextChain = new ArrayList<>(chain);
      if (file.path() != null) {
        nextChain.add(file.path());
      }
      for (Path f : entry.files()) {
        if (nextChain.contains(f)) {
          throw r.error(p, "include cycle through " + f + "; remove the circular include");
        }
      }
      if (nextChain.size() > MAX_INCLUDE_DEPTH) {
        throw r.error(p, "includes are nested more than " + MAX_INCLUDE_DEPTH + " levels deep");
      }
      List<SourceFile> sources = new ArrayList<>();
      for (Path f : entry.files()) {
        sources.add(ComposeFileLocator.read(cwd, f, "check the include path"));
      }
      Path subDir =
          entry.projectDirectory() != null
              ? entry.projectDirectory()
              : entry.files().get(0).getParent();
      Map<String, String> subEnv = new HashMap<>(env);
      List<Path> envFiles = entry.envFiles();
      if (envFiles.isEmpty() && Files.isRegularFile(subDir.resolve(".env"))) {
        envFiles = List.of(subDir.resolve(".env"));
      }
      for (Path ef : envFiles) {
        if (!Files.isRegularFile(ef)) {
          throw r.error(p, "env file " + ef + " not found");
        }
        EnvironmentResolver.readEnvFile(ef, ComposeFileLocator.displayName(cwd, ef), subEnv)
            .forEach(
                (k, v) -> {
                  if (v != null) subEnv.put(k, v);
                });
      }
      subEnv.putAll(shell);
      Assembled sub = assemble(sources, subDir, subEnv, nextChain);
      for (String section : List.of("services", "networks", "volumes", "secrets", "configs")) {
        Object subSection = sub.tree().get(section);
        if (!(subSection instanceof Map<?, ?> sm) || sm.isEmpty()) {
          continue;
        }
        Map<String, Object> target =
            new LinkedHashMap<>(
                (Map<String, Object>) tree.getOrDefault(section, new LinkedHashMap<>()));
        for (Map.Entry<?, ?> e : sm.entrySet()) {
          String key = (String) e.getKey();
          if (target.containsKey(key) && !target.get(key).equals(e.getValue())) {
            throw r.error(
                TreePath.child(section, key),
                "also defined by included file "
                    + sub.firstFile()
                    + "; rename one of them or remove the include");
          }
          target.put(key, e.getValue());
        }
        tree.put(section, target);
      }
    }
    return tree;
  }
}
