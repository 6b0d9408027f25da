package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Stage 1: YAML text to a plain tree ({@code Map<String,Object>}, {@code List<Object>}, String,
 * Integer/Long/BigInteger, Double, Boolean, null). Safe by construction: only core-schema types,
 * merge keys {@code <<} expanded, duplicate keys rejected, alias expansion budgeted (an alias bomb
 * fails fast), {@code !reset}/{@code !override} kept as {@link TaggedValue}.
 */
final class YamlTreeReader {
  /** Largest compose file accepted, in characters. */
  static final int MAX_FILE_CHARS = 8 * 1024 * 1024;

  /** Most nodes that alias expansion may add to the tree. */
  static final long MAX_ALIAS_EXPANSION = 200_000;

  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern OCT = Pattern.compile("0o[0-7]+");
  private static final Pattern LEGACY_OCT = Pattern.compile("0[0-7]+");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");

  private final String file;
  private final Set<Node> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Node> inProgress = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<Node, Long> sizes = new IdentityHashMap<>();
  private long expanded;
  private int aliasDepth;
  private int depth;

  /** Deepest nesting accepted; later stages recurse over the tree, so it is bounded here. */
  static final int MAX_DEPTH = 200;

  private YamlTreeReader(String file) {
    this.file = file;
  }

  /** Parses one compose document; an empty document gives an empty map. */
  static Map<String, Object> read(String file, String content) throws ComposeFileException {
    if (content.length() > MAX_FILE_CHARS) {
      throw new ComposeFileException(
          file, null, "file is larger than " + MAX_FILE_CHARS / (1024 * 1024) + " MiB; split it");
    }
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file)
            .setSchema(new CoreSchema())
            .setAllowDuplicateKeys(false)
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(10_000)
            .setCodePointLimit(MAX_FILE_CHARS + 1)
            .setUseMarks(true)
            .build();
    Node root;
    try {
      Iterator<Node> docs = new Compose(settings).composeAllFromString(content).iterator();
      if (!docs.hasNext()) {
        return new LinkedHashMap<>();
      }
      root = docs.next();
      if (docs.hasNext()) {
        throw new ComposeFileException(
            file, null, "more than one YAML document; put everything in one document");
      }
    } catch (MarkedYamlEngineException e) {
      throw new ComposeFileException(file, where(e.getProblemMark()), oneLine(e.getProblem()), e);
    } catch (YamlEngineException e) {
      throw new ComposeFileException(file, null, oneLine(e.getMessage()), e);
    } catch (IllegalArgumentException e) {
      // SnakeYAML Engine rejects some malformed tags (e.g. "! x ") with a plain
      // IllegalArgumentException instead of one of its own exceptions.
      throw new ComposeFileException(file, null, "invalid YAML: " + oneLine(e.getMessage()), e);
    } catch (StackOverflowError e) {
      throw new ComposeFileException(file, null, "YAML is nested too deeply");
    }
    Object tree;
    try {
      tree = new YamlTreeReader(file).construct(root, "");
    } catch (StackOverflowError e) {
      throw new ComposeFileException(file, null, "YAML is nested too deeply");
    }
    if (tree == null) {
      return new LinkedHashMap<>();
    }
    if (!(tree instanceof Map)) {
      throw new ComposeFileException(
          file, null, "top level must be a mapping (services:, networks:...), got " + kind(tree));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) tree;
    return map;
  }

  private Object construct(Node node, String path) throws ComposeFileException {
    boolean alias = false;
    if (!seen.add(node)) {
      if (inProgress.contains(node)) {
        throw error(node, path, "an alias refers to its own anchor; remove the recursion");
      }
      alias = aliasDepth == 0;
    }
    if (alias) {
      expanded += size(node);
      if (expanded > MAX_ALIAS_EXPANSION) {
        throw error(
            node,
            path,
            "aliases expand to more than "
                + MAX_ALIAS_EXPANSION
                + " nodes (an alias bomb?); use fewer nested aliases");
      }
    }
    if (++depth > MAX_DEPTH) {
      throw error(node, path, "YAML is nested more than " + MAX_DEPTH + " levels deep");
    }
    inProgress.add(node);
    if (alias) {
      aliasDepth++;
    }
    try {
      String tag = node.getTag().getValue();
      if (tag.equals("!reset")) {
        return new TaggedValue(true, null);
      }
      if (tag.equals("!override")) {
        return new TaggedValue(false, content(node, path));
      }
      return content(node, path);
    } finally {
      depth--;
      inProgress.remove(node);
      if (alias) {
        aliasDepth--;
      }
    }
  }

  private Object content(Node node, String path) throws ComposeFileException {
    {
      if (node instanceof ScalarNode scalar) {
        return scalar(scalar, path);
      }
      if (node instanceof SequenceNode seq) {
        List<Object> list = new ArrayList<>(seq.getValue().size());
        int i = 0;
        for (Node item : seq.getValue()) {
          list.add(construct(item, path + "[" + i++ + "]"));
        }
        return list;
      }
      return mapping((MappingNode) node, path);
    }
  }

  private Map<String, Object> mapping(MappingNode node, String path) throws ComposeFileException {
    Map<String, Object> explicit = new LinkedHashMap<>();
    List<Map<String, Object>> merged = new ArrayList<>();
    for (NodeTuple tuple : node.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
        throw error(tuple.getKeyNode(), path, "a key must be a plain value, not a list or mapping");
      }
      String key = keyNode.getValue();
      if (key.indexOf('\0') >= 0) {
        throw error(keyNode, path, "key contains a NUL character; remove it");
      }
      String childPath = path.isEmpty() ? key : path + "." + key;
      if (key.equals("<<") && keyNode.getTag().equals(Tag.STR) && keyNode.isPlain()) {
        Object source = construct(tuple.getValueNode(), childPath);
        if (source instanceof Map<?, ?> m) {
          merged.add(cast(m));
        } else if (source instanceof List<?> l) {
          for (Object item : l) {
            if (!(item instanceof Map<?, ?> m)) {
              throw error(tuple.getValueNode(), childPath, "merge key << needs mappings");
            }
            merged.add(cast(m));
          }
        } else {
          throw error(tuple.getValueNode(), childPath, "merge key << needs a mapping or aliases");
        }
        continue;
      }
      if (explicit.containsKey(key)) {
        throw error(
            keyNode,
            path,
            "duplicate key \""
                + key
                + "\"; remove one of them (the second is at "
                + at(keyNode)
                + ")");
      }
      explicit.put(key, construct(tuple.getValueNode(), childPath));
    }
    if (merged.isEmpty()) {
      return explicit;
    }
    // Explicit keys win over merged ones; among merged mappings the first one wins.
    Map<String, Object> result = new LinkedHashMap<>();
    for (Map<String, Object> m : merged) {
      m.forEach(result::putIfAbsent);
    }
    result.putAll(explicit);
    return result;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  private Object scalar(ScalarNode node, String path) throws ComposeFileException {
    String text = node.getValue();
    if (text.indexOf('\0') >= 0) {
      throw error(node, path, "value contains a NUL character; remove it");
    }
    Tag tag = node.getTag();
    // The engine tags plain ${VAR} scalars as !ENV_VARIABLE; for compose they are strings that
    // interpolation expands later.
    if (tag.equals(Tag.STR) || tag.equals(Tag.ENV_TAG) || tag.getValue().equals("!override")) {
      return text;
    }
    if (tag.equals(Tag.NULL)) {
      return null;
    }
    if (tag.equals(Tag.BOOL)) {
      return Boolean.parseBoolean(text.toLowerCase());
    }
    if (tag.equals(Tag.INT)) {
      return integer(text);
    }
    if (tag.equals(Tag.FLOAT)) {
      String t = text.toLowerCase();
      if (t.endsWith(".inf")) {
        return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      if (t.equals(".nan")) {
        return Double.NaN;
      }
      return Double.parseDouble(text);
    }
    throw error(
        node,
        path,
        "unsupported YAML tag "
            + tag.getValue().replace("tag:yaml.org,2002:", "!!")
            + "; remove it");
  }

  private static Object integer(String text) {
    BigInteger value;
    if (OCT.matcher(text).matches()) {
      value = new BigInteger(text.substring(2), 8);
    } else if (LEGACY_OCT.matcher(text).matches()) {
      // A leading zero means octal to the Go YAML parser docker compose uses (file modes: 0440).
      value = new BigInteger(text, 8);
    } else if (HEX.matcher(text).matches()) {
      value = new BigInteger(text.substring(2), 16);
    } else if (INT.matcher(text).matches()) {
      value = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
    } else {
      return text;
    }
    if (value.bitLength() < 32) {
      return value.intValue();
    }
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }

  private long size(Node node) {
    Long known = sizes.get(node);
    if (known != null) {
      return known;
    }
    sizes.put(node, 1L); // guards against recursion while computing
    long total = 1;
    if (node instanceof SequenceNode seq) {
      for (Node n : seq.getValue()) {
        total = Math.min(Long.MAX_VALUE / 4, total + size(n));
      }
    } else if (node instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        total = Math.min(Long.MAX_VALUE / 4, total + size(t.getKeyNode()) + size(t.getValueNode()));
      }
    }
    sizes.put(node, total);
    return total;
  }

  private ComposeFileException error(Node node, String path, String detail) {
    String where = path.isEmpty() ? at(node) : path;
    return new ComposeFileException(file, where, detail);
  }

  private static String at(Node node) {
    return where(node.getStartMark());
  }

  private static String where(Optional<Mark> mark) {
    return mark.map(m -> "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
        .orElse("");
  }

  private static String oneLine(String text) {
    return text == null ? "invalid YAML" : text.replaceAll("\\s+", " ").trim();
  }

  static String kind(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map) {
      return "a mapping";
    }
    if (value instanceof List) {
      return "a list";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    return "a number";
  }
}
