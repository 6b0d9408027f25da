package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 4: resolves {@code extends} in one canonical file: the base service (same file, or another
 * file read with paths relative to that file) is merged under the extending one. Cycles are
 * rejected naming the chain.
 */
final class ExtendsResolver {

  /** Reads another compose file into its canonical tree (paths relative to itself). */
  interface FileSource {
    CanonicalFile load(Path file) throws ComposeFileException;
  }

  /**
   * A canonical tree with the file it came from.
   *
   * @param display the file name used in messages
   * @param path absolute path, null for stdin
   * @param tree canonical tree
   */
  record CanonicalFile(String display, Path path, Map<String, Object> tree) {
    @SuppressWarnings("unchecked")
    Map<String, Object> services() {
      Object s = tree.get("services");
      return s == null ? new LinkedHashMap<>() : (Map<String, Object>) s;
    }
  }

  private final FileSource files;

  ExtendsResolver(FileSource files) {
    this.files = files;
  }

  /** The file's tree with every service's {@code extends} resolved. */
  Map<String, Object> resolve(CanonicalFile file) throws ComposeFileException {
    Map<String, Object> services = file.services();
    if (services.isEmpty()) {
      return file.tree();
    }
    Map<String, Object> resolved = new LinkedHashMap<>();
    for (String name : services.keySet()) {
      resolved.put(name, resolveService(file, name, new ArrayList<>()));
    }
    Map<String, Object> tree = new LinkedHashMap<>(file.tree());
    tree.put("services", resolved);
    return tree;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> resolveService(CanonicalFile file, String name, List<String> chain)
      throws ComposeFileException {
    String id = file.display() + ":" + name;
    if (chain.contains(id)) {
      List<String> cycle = new ArrayList<>(chain.subList(chain.indexOf(id), chain.size()));
      cycle.add(id);
      throw new ComposeFileException(
          file.display(),
          "services." + name + ".extends",
          "extends cycle: " + String.join(" -> ", cycle) + "; break the loop");
    }
    Map<String, Object> service = (Map<String, Object>) file.services().get(name);
    Object ext = service.get("extends");
    if (!(ext instanceof Map)) {
      return service;
    }
    Map<String, Object> ref = (Map<String, Object>) ext;
    String baseName = (String) ref.get("service");
    CanonicalFile baseFile = file;
    if (ref.get("file") != null) {
      baseFile = files.load(Path.of((String) ref.get("file")));
    }
    if (!baseFile.services().containsKey(baseName)) {
      throw new ComposeFileException(
          file.display(),
          "services." + name + ".extends",
          "service \""
              + baseName
              + "\" not found in "
              + baseFile.display()
              + Suggestions.didYouMean(baseName, baseFile.services().keySet()));
    }
    chain.add(id);
    Map<String, Object> base = resolveService(baseFile, baseName, chain);
    chain.remove(chain.size() - 1);
    Map<String, Object> child = new LinkedHashMap<>(service);
    child.remove("extends");
    return TreeMerger.mergeService(base, child);
  }
}
