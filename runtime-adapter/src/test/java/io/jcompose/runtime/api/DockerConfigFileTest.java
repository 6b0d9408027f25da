package io.jcompose.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigFileTest {

  @TempDir Path dir;

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void credentialsFor_readsBase64AuthWrittenByDocker() throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(
        file,
        "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\""
            + b64("alice:s3:cret")
            + "\"},\"localhost:5000\":{\"auth\":\""
            + b64("bob:pw")
            + "\"}}}");
    DockerConfigFile config = new DockerConfigFile(file);

    assertThat(config.credentialsFor("docker.io"))
        .contains(RegistryCredentials.of("alice", "s3:cret"));
    assertThat(config.credentialsFor("localhost:5000"))
        .contains(RegistryCredentials.of("bob", "pw"));
    assertThat(config.credentialsFor("ghcr.io")).isEmpty();
  }

  @Test
  void credentialsFor_matchesKeysWrittenWithSchemeAndPath() throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(
        file, "{\"auths\":{\"http://reg.lan:5000/v2/\":{\"username\":\"u\",\"password\":\"p\"}}}");

    assertThat(new DockerConfigFile(file).credentialsFor("reg.lan:5000"))
        .contains(RegistryCredentials.of("u", "p"));
  }

  @Test
  void store_thenRemove_roundTripsAndKeepsOtherFields() throws Exception {
    Path file = dir.resolve("sub/config.json");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "{\"psFormat\":\"table\",\"auths\":{\"other.io\":{\"auth\":\"" + b64("x:y") + "\"}}}");
    DockerConfigFile config = new DockerConfigFile(file);

    config.store("docker.io", RegistryCredentials.of("alice", "pw"));

    String json = Files.readString(file);
    assertThat(json)
        .contains("\"psFormat\"", "https://index.docker.io/v1/", b64("alice:pw"), "other.io");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(config.credentialsFor("index.docker.io"))
        .contains(RegistryCredentials.of("alice", "pw"));

    assertThat(config.remove("docker.io")).isTrue();
    assertThat(config.remove("docker.io")).isFalse();
    assertThat(config.credentialsFor("docker.io")).isEmpty();
    assertThat(config.credentialsFor("other.io")).contains(RegistryCredentials.of("x", "y"));
    assertThat(Files.list(file.getParent())).containsExactly(file);
  }

  @Test
  void credentialsFor_missingFileMeansAnonymous() {
    assertThat(new DockerConfigFile(dir.resolve("none.json")).credentialsFor("docker.io"))
        .isEmpty();
  }

  @Test
  void credentialsFor_brokenJsonNamesTheFile() throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{auths:");

    assertThatThrownBy(() -> new DockerConfigFile(file).credentialsFor("docker.io"))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageEndingWith("fix or remove the file");
  }

  @Test
  void credentialsFor_asksTheCredentialHelperNamedForTheRegistry() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path helper = bin.resolve("docker-credential-jctest" + ProcessHandle.current().pid());
    Files.writeString(
        helper,
        "#!/bin/sh\nread url\necho \"{\\\"ServerURL\\\":\\\"$url\\\",\\\"Username\\\":\\\"h\\\","
            + "\\\"Secret\\\":\\\"from-helper-$url\\\"}\"\n");
    helper.toFile().setExecutable(true);
    Path file = dir.resolve("config.json");
    String name = helper.getFileName().toString().substring("docker-credential-".length());
    Files.writeString(file, "{\"credHelpers\":{\"reg.lan\":\"" + name + "\"}}");
    DockerConfigFile config = new DockerConfigFile(file, "/nonexistent:" + bin);

    assertThat(config.credentialsFor("reg.lan"))
        .contains(RegistryCredentials.of("h", "from-helper-reg.lan"));
    assertThat(config.credentialsFor("other.lan")).isEmpty();
  }

  @Test
  void locate_prefersDockerConfigVariable() {
    assertThat(DockerConfigFile.locate(Map.of("DOCKER_CONFIG", "/x", "HOME", "/h")).path())
        .isEqualTo(Path.of("/x/config.json"));
    assertThat(DockerConfigFile.locate(Map.of("HOME", "/h")).path())
        .isEqualTo(Path.of("/h/.docker/config.json"));
  }
}
