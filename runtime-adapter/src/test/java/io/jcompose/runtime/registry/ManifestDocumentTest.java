package io.jcompose.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.runtime.api.NotFoundException;
import io.jcompose.runtime.api.Platform;
import io.jcompose.runtime.api.RuntimeFailure;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestDocumentTest {

  private static final String A = "sha256:" + "a".repeat(64);
  private static final String B = "sha256:" + "b".repeat(64);
  private static final String C = "sha256:" + "c".repeat(64);

  private static ManifestDocument parse(String json, String type) {
    return ManifestDocument.parse(json.getBytes(StandardCharsets.UTF_8), type, "x:1");
  }

  private static String entry(String digest, String arch, String variant) {
    return "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\""
        + digest
        + "\",\"size\":10,\"platform\":{\"os\":\"linux\",\"architecture\":\""
        + arch
        + "\""
        + (variant == null ? "" : ",\"variant\":\"" + variant + "\"")
        + "}}";
  }

  @Test
  void index_selectsExactVariantOverOneWithoutVariant() {
    ManifestDocument.Index index =
        (ManifestDocument.Index)
            parse(
                "{\"schemaVersion\":2,\"manifests\":["
                    + entry(A, "amd64", null)
                    + ","
                    + entry(B, "arm64", null)
                    + ","
                    + entry(C, "arm64", "v8")
                    + "]}",
                ManifestDocument.OCI_INDEX);

    assertThat(index.select(new Platform("linux", "arm64", "v8"), "x").descriptor().digest())
        .isEqualTo(C);
    assertThat(index.select(new Platform("linux", "amd64", null), "x").descriptor().digest())
        .isEqualTo(A);
  }

  @Test
  void index_withoutThePlatformListsWhatItHas() {
    ManifestDocument.Index index =
        (ManifestDocument.Index)
            parse("{\"manifests\":[" + entry(A, "arm", "v7") + "]}", ManifestDocument.DOCKER_LIST);

    assertThatThrownBy(() -> index.select(new Platform("linux", "amd64", null), "app:1"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining(
            "app:1: no image for platform linux/amd64 (the image has linux/arm/v7)");
  }

  @Test
  void image_readsConfigAndLayersOfDockerSchema2() {
    ManifestDocument.Image image =
        (ManifestDocument.Image)
            parse(
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
                    + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"digest\":\""
                    + A
                    + "\",\"size\":5},"
                    + "\"layers\":[{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar.gzip\",\"digest\":\""
                    + B
                    + "\",\"size\":7}]}",
                null);

    assertThat(image.config())
        .isEqualTo(new Descriptor("application/vnd.docker.container.image.v1+json", A, 5));
    assertThat(image.layers()).extracting(Descriptor::digest).containsExactly(B);
  }

  @Test
  void parse_rejectsSchema1WithAHint() {
    assertThatThrownBy(() -> parse("{\"schemaVersion\":1,\"fsLayers\":[]}", null))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("schema 1 manifests are not supported");
  }

  @Test
  void parse_rejectsADescriptorWithoutSha256() {
    assertThatThrownBy(
            () ->
                parse(
                    "{\"config\":{\"digest\":\"md5:1\"},\"layers\":[]}",
                    ManifestDocument.OCI_MANIFEST))
        .hasMessageContaining("without a sha256 digest");
  }
}
