package io.jcompose.runtime.linux;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Path;

/** Whether a bundle's process asks for a terminal ({@code process.terminal} of config.json). */
final class BundleTerminal {

  private BundleTerminal() {}

  static boolean wanted(Path config) {
    try {
      JsonNode root = ContainerStore.JSON.readTree(config.toFile());
      return root.path("process").path("terminal").asBoolean(false);
    } catch (IOException e) {
      throw new RuntimeFailure("reading " + config + ": " + e.getMessage(), e);
    }
  }
}
