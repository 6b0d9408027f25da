package io.jcompose.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

  private static final String DIGEST =
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @ParameterizedTest
  @CsvSource({
    "postgres, docker.io, library/postgres, latest",
    "postgres:16, docker.io, library/postgres, 16",
    "bitnami/redis:7.2, docker.io, bitnami/redis, 7.2",
    "docker.io/nginx, docker.io, library/nginx, latest",
    "index.docker.io/library/nginx:1, docker.io, library/nginx, 1",
    "ghcr.io/org/app:1.4, ghcr.io, org/app, 1.4",
    "localhost/app, localhost, app, latest",
    "localhost:5000/app:dev, localhost:5000, app, dev",
    "127.0.0.1:5000/team/app/api:v1_2-3, 127.0.0.1:5000, team/app/api, v1_2-3",
    "registry.example.com:443/a/b, registry.example.com:443, a/b, latest",
    "[::1]:5000/app:x, [::1]:5000, app, x",
    "Registry/app, Registry, app, latest",
    "my-registry:5000/my__app.x, my-registry:5000, my__app.x, latest",
  })
  void parse_normalisesLikeDocker(String text, String registry, String repository, String tag) {
    ImageReference ref = ImageReference.parse(text);

    assertThat(ref.registry()).isEqualTo(registry);
    assertThat(ref.repository()).isEqualTo(repository);
    assertThat(ref.tag()).isEqualTo(tag);
    assertThat(ref.digest()).isNull();
  }

  @Test
  void parse_keepsDigestAndLeavesTagEmptyWhenOnlyDigestIsGiven() {
    ImageReference ref = ImageReference.parse("localhost:5000/app@" + DIGEST);

    assertThat(ref.tag()).isNull();
    assertThat(ref.digest()).isEqualTo(DIGEST);
    assertThat(ref.manifestReference()).isEqualTo(DIGEST);
    assertThat(ref.toString()).isEqualTo("localhost:5000/app@" + DIGEST);
  }

  @Test
  void parse_keepsTagAndDigestTogetherAndPullsByDigest() {
    ImageReference ref = ImageReference.parse("redis:7@" + DIGEST);

    assertThat(ref.tag()).isEqualTo("7");
    assertThat(ref.manifestReference()).isEqualTo(DIGEST);
    assertThat(ref.familiar()).isEqualTo("redis:7@" + DIGEST);
  }

  @Test
  void familiar_dropsDockerHubPrefixes() {
    assertThat(ImageReference.parse("docker.io/library/busybox").familiar())
        .isEqualTo("busybox:latest");
    assertThat(ImageReference.parse("ghcr.io/o/a:1").familiar()).isEqualTo("ghcr.io/o/a:1");
    assertThat(ImageReference.parse("busybox").toString())
        .isEqualTo("docker.io/library/busybox:latest");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "library/UPPER",
        "docker.io/Library/x",
        "app:",
        "app:-bad",
        "app@sha256:abc",
        "app@sha256:" + "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF",
        "app@md5",
        "a//b",
        "/app",
        "app/",
        "-app",
        "app_-x",
        "bad host!/x",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      })
  void parse_rejectsMalformedReferencesWithOneLine(String text) {
    assertThatThrownBy(() -> ImageReference.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid image reference")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void parse_namesTheBadTag() {
    assertThatThrownBy(() -> ImageReference.parse("redis:.x"))
        .hasMessage(
            "invalid image reference 'redis:.x': tag '.x' is not valid (letters, digits, _ . -,"
                + " max 128)");
  }

  @Test
  void parse_rejectsNamesLongerThan255() {
    assertThatThrownBy(() -> ImageReference.parse("a/" + "b".repeat(260)))
        .hasMessageContaining("longer than 255");
  }

  @Test
  void parse_acceptsTagOf128Characters_andRejects129() {
    assertThat(ImageReference.parse("app:" + "t".repeat(128)).tag()).hasSize(128);
    assertThatThrownBy(() -> ImageReference.parse("app:" + "t".repeat(129)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
