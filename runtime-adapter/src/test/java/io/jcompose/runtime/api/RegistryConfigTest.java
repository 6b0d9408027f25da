package io.jcompose.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryConfigTest {

  @TempDir Path dir;

  @Test
  void isInsecure_loopbackAlwaysAndListedHostsWithOrWithoutPort() throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"insecure-registries\":[\"reg.lan:5000\",\"http://10.0.0.5\"]}");
    RegistryConfig config = RegistryConfig.read(file);

    assertThat(config.isInsecure("localhost:5000")).isTrue();
    assertThat(config.isInsecure("127.0.0.1:41234")).isTrue();
    assertThat(config.isInsecure("[::1]:5000")).isTrue();
    assertThat(config.isInsecure("reg.lan:5000")).isTrue();
    assertThat(config.isInsecure("reg.lan:6000")).isFalse();
    assertThat(config.isInsecure("10.0.0.5:80")).isTrue();
    assertThat(config.isInsecure("docker.io")).isFalse();
    assertThat(config.isInsecure("localhost.evil.com")).isFalse();
  }

  @Test
  void load_findsTheFileThroughJcomposeConfigThenXdgThenHome() {
    assertThat(RegistryConfig.location(Map.of("JCOMPOSE_CONFIG", "/c.json", "HOME", "/h")))
        .isEqualTo(Path.of("/c.json"));
    assertThat(RegistryConfig.location(Map.of("XDG_CONFIG_HOME", "/x", "HOME", "/h")))
        .isEqualTo(Path.of("/x/jcompose/config.json"));
    assertThat(RegistryConfig.location(Map.of("HOME", "/h")))
        .isEqualTo(Path.of("/h/.config/jcompose/config.json"));
    assertThat(RegistryConfig.load(Map.of("JCOMPOSE_CONFIG", dir.resolve("none").toString())))
        .isEqualTo(RegistryConfig.defaults());
  }

  @Test
  void read_rejectsAListOfNonStringsNamingTheFile() throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"insecure-registries\":\"reg.lan\"}");

    assertThatThrownBy(() -> RegistryConfig.read(file))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessage(file + ": insecure-registries must be a list of host[:port]");
  }
}
