package io.jcompose.runtime.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jcompose.runtime.api.RuntimeFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies {@code docker import --change} instructions to an image's {@code config} object, with
 * Dockerfile semantics: CMD, ENTRYPOINT and VOLUME take a JSON array (exec form) or else a shell
 * line ({@code /bin/sh -c}); ENTRYPOINT clears a CMD not set by an earlier change; ENV and LABEL
 * take {@code k=v} pairs (or the legacy {@code k v}); WORKDIR is relative to the previous one.
 */
final class ImportChanges {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SUPPORTED =
      List.of(
          "CMD", "ENTRYPOINT", "ENV", "EXPOSE", "LABEL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR");

  private final ObjectNode config;
  private boolean cmdSet;

  private ImportChanges(ObjectNode config) {
    this.config = config;
  }

  /** Applies every change to {@code config} in order. */
  static void apply(ObjectNode config, List<String> changes) {
    ImportChanges applier = new ImportChanges(config);
    for (String change : changes) {
      try {
        applier.apply(change.strip());
      } catch (IllegalArgumentException e) {
        throw new RuntimeFailure("image import: --change '" + change + "': " + e.getMessage(), e);
      }
    }
  }

  private void apply(String change) {
    String[] split = change.split("\\s+", 2);
    String keyword = split[0].toUpperCase(Locale.ROOT);
    String args = split.length > 1 ? split[1].strip() : "";
    if (args.isEmpty()) {
      throw new IllegalArgumentException(keyword + " needs an argument");
    }
    switch (keyword) {
      case "CMD" -> {
        config.set("Cmd", commandForm(args));
        cmdSet = true;
      }
      case "ENTRYPOINT" -> {
        config.set("Entrypoint", commandForm(args));
        if (!cmdSet) {
          config.remove("Cmd");
        }
      }
      case "ENV" -> pairs(args).forEach(this::setEnv);
      case "LABEL" -> {
        ObjectNode labels = object("Labels");
        pairs(args).forEach(labels::put);
      }
      case "EXPOSE" -> {
        ObjectNode ports = object("ExposedPorts");
        for (String port : DockerfileWords.split(args, env())) {
          ExposedPorts.expand(port).forEach(p -> ports.putObject(p));
        }
      }
      case "VOLUME" -> {
        ObjectNode volumes = object("Volumes");
        List<String> paths =
            args.startsWith("[") ? jsonArray(args) : DockerfileWords.split(args, env());
        for (String path : paths) {
          if (path.isBlank()) {
            throw new IllegalArgumentException("VOLUME paths may not be empty");
          }
          volumes.putObject(path);
        }
      }
      case "WORKDIR" -> config.put("WorkingDir", workdir(single(args)));
      case "USER" -> config.put("User", single(args));
      case "STOPSIGNAL" -> config.put("StopSignal", single(args));
      default ->
          throw new IllegalArgumentException(
              "unsupported instruction "
                  + keyword
                  + "; use one of "
                  + String.join(", ", SUPPORTED));
    }
  }

  private ArrayNode commandForm(String args) {
    List<String> words;
    if (args.startsWith("[")) {
      try {
        words = jsonArray(args);
      } catch (IllegalArgumentException e) {
        words = List.of("/bin/sh", "-c", args); // Docker falls back to the shell form too
      }
    } else {
      words = List.of("/bin/sh", "-c", args);
    }
    ArrayNode array = JSON.createArrayNode();
    words.forEach(array::add);
    return array;
  }

  private static List<String> jsonArray(String args) {
    try {
      JsonNode node = JSON.readTree(args);
      List<String> out = new ArrayList<>();
      if (node == null || !node.isArray()) {
        throw new IllegalArgumentException("not a JSON array: " + args);
      }
      for (JsonNode element : node) {
        if (!element.isTextual()) {
          throw new IllegalArgumentException("JSON array elements must be strings: " + args);
        }
        out.add(element.asText());
      }
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON array: " + args, e);
    }
  }

  /** {@code k=v k2="v 2"}, or the legacy {@code k rest of line}. */
  private Map<String, String> pairs(String args) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> words = DockerfileWords.split(args, env());
    if (!words.get(0).contains("=")) {
      String rest = args.substring(args.indexOf(words.get(0)) + words.get(0).length()).strip();
      if (rest.isEmpty()) {
        throw new IllegalArgumentException("'" + words.get(0) + "' needs a value: use KEY=value");
      }
      out.put(words.get(0), String.join(" ", DockerfileWords.split(rest, env())));
      return out;
    }
    for (String word : words) {
      int eq = word.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("'" + word + "' is not KEY=value");
      }
      out.put(word.substring(0, eq), word.substring(eq + 1));
    }
    return out;
  }

  private String single(String args) {
    List<String> words = DockerfileWords.split(args, env());
    if (words.size() != 1) {
      throw new IllegalArgumentException("takes exactly one argument, got " + words.size());
    }
    return words.get(0);
  }

  private String workdir(String dir) {
    String previous = config.path("WorkingDir").asText("");
    String joined = dir.startsWith("/") ? dir : (previous.isEmpty() ? "/" : previous) + "/" + dir;
    return java.nio.file.Path.of(joined).normalize().toString();
  }

  private void setEnv(String key, String value) {
    ArrayNode env =
        config.has("Env") && config.get("Env").isArray()
            ? (ArrayNode) config.get("Env")
            : config.putArray("Env");
    for (int i = 0; i < env.size(); i++) {
      if (env.get(i).asText().startsWith(key + "=")) {
        env.set(i, key + "=" + value);
        return;
      }
    }
    env.add(key + "=" + value);
  }

  private Map<String, String> env() {
    Map<String, String> out = new LinkedHashMap<>();
    config
        .path("Env")
        .forEach(
            e -> {
              String s = e.asText();
              int eq = s.indexOf('=');
              if (eq > 0) {
                out.put(s.substring(0, eq), s.substring(eq + 1));
              }
            });
    return out;
  }

  private ObjectNode object(String field) {
    JsonNode node = config.get(field);
    return node instanceof ObjectNode o ? o : config.putObject(field);
  }
}
