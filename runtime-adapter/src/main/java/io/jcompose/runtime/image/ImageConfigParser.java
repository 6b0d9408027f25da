package io.jcompose.runtime.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.runtime.api.ImageConfig;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads an OCI / Docker image config blob: run-time defaults, platform, creation, diff ids. */
final class ImageConfigParser {

  /** What an image config blob says. */
  record Parsed(
      ImageConfig config, String architecture, String os, Instant created, List<String> diffIds) {
    Parsed {
      diffIds = List.copyOf(diffIds);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private ImageConfigParser() {}

  static Parsed parse(byte[] blob, String digest) {
    JsonNode root;
    try {
      root = JSON.readTree(blob);
    } catch (IOException e) {
      throw new RuntimeFailure(
          "image config " + digest + " is not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new RuntimeFailure("image config " + digest + " is not a JSON object");
    }
    List<String> diffIds = strings(root.path("rootfs").path("diff_ids"));
    for (String diffId : diffIds) {
      if (!Digests.isValid(diffId)) {
        throw new RuntimeFailure(
            "image config "
                + digest
                + ": rootfs.diff_ids has '"
                + diffId
                + "'; only sha256 digests are supported");
      }
    }
    return new Parsed(
        config(root.path("config")),
        text(root.path("architecture")),
        text(root.path("os")),
        instant(root.path("created")),
        diffIds);
  }

  static ImageConfig config(JsonNode c) {
    JsonNode health = c.path("Healthcheck");
    return new ImageConfig(
        strings(c.path("Env")),
        strings(c.path("Entrypoint")),
        strings(c.path("Cmd")),
        emptyToNull(text(c.path("WorkingDir"))),
        emptyToNull(text(c.path("User"))),
        keys(c.path("ExposedPorts")),
        keys(c.path("Volumes")),
        strings(health.path("Test")),
        health.path("Interval").asLong(0),
        health.path("Timeout").asLong(0),
        health.path("StartPeriod").asLong(0),
        health.path("Retries").asInt(0),
        emptyToNull(text(c.path("StopSignal"))),
        labels(c.path("Labels")));
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  private static Set<String> keys(JsonNode node) {
    Set<String> out = new LinkedHashSet<>();
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(out::add);
    }
    return out;
  }

  private static Map<String, String> labels(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static Instant instant(JsonNode node) {
    if (!node.isTextual()) {
      return null;
    }
    try {
      return Instant.parse(node.asText());
    } catch (DateTimeParseException e) {
      return null; // some builders write odd times; the image is still usable
    }
  }
}
