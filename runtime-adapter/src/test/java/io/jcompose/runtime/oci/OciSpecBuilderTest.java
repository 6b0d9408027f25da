package io.jcompose.runtime.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.runtime.api.SecurityOptions;
import io.jcompose.runtime.api.Ulimit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OciSpecBuilderTest {
  private static BundleRequest request(
      SecurityOptions security,
      String user,
      Path netns,
      boolean hostNetwork,
      List<Ulimit> ulimits) {
    return new BundleRequest(
        List.of("sh"),
        List.of("A=b"),
        "/",
        user,
        false,
        "web",
        security,
        0,
        List.of(OciSpecBuilder.bind("/host", "/data", true)),
        ulimits,
        Map.of(),
        netns,
        hostNetwork,
        Path.of("/c/rootfs"),
        Map.of("io.jcompose.x", "y"),
        (1L << 41) - 1);
  }

  @Test
  void defaults_maskDockersPathsAndMountTheStandardFileSystems() {
    OciSpec spec =
        OciSpecBuilder.build(request(SecurityOptions.DEFAULT, null, null, false, List.of()));
    assertThat(spec.linux().maskedPaths()).contains("/proc/kcore", "/sys/firmware");
    assertThat(spec.linux().readonlyPaths()).contains("/proc/sys");
    assertThat(spec.mounts())
        .extracting(OciSpec.Mount::destination)
        .containsExactly("/proc", "/dev", "/dev/pts", "/sys", "/dev/mqueue", "/dev/shm", "/data");
    assertThat(spec.mounts().get(5).options()).contains("size=67108864");
    assertThat(spec.mounts().get(6).options()).contains("rbind", "ro");
    assertThat(spec.linux().namespaces())
        .extracting(OciSpec.Namespace::type)
        .containsExactly("pid", "ipc", "uts", "mount", "network");
    assertThat(spec.annotations())
        .containsEntry("io.jcompose.x", "y")
        .doesNotContainKey(Annotations.USER);
  }

  @Test
  void privileged_hasAllCapabilitiesNoMaskedPathsAndWritableSys() {
    OciSpec spec =
        OciSpecBuilder.build(
            request(
                new SecurityOptions(true, List.of(), List.of(), false, false),
                null,
                null,
                false,
                List.of()));
    assertThat(spec.process().capabilities().bounding()).hasSize(41);
    assertThat(spec.linux().maskedPaths()).isEmpty();
    assertThat(spec.mounts().get(3).options()).contains("rw");
  }

  @Test
  void networkNamespace_isJoinedByPathAndHostNetworkHasNone() {
    OciSpec joined =
        OciSpecBuilder.build(
            request(
                SecurityOptions.DEFAULT, null, Path.of("/run/jcompose/netns/x"), false, List.of()));
    OciSpec host =
        OciSpecBuilder.build(request(SecurityOptions.DEFAULT, null, null, true, List.of()));
    assertThat(joined.linux().namespaces())
        .contains(new OciSpec.Namespace("network", "/run/jcompose/netns/x"));
    assertThat(host.linux().namespaces())
        .extracting(OciSpec.Namespace::type)
        .doesNotContain("network");
  }

  @Test
  void user_numericGoesToProcessUserAndEveryUserToTheAnnotation() {
    OciSpec numeric =
        OciSpecBuilder.build(request(SecurityOptions.DEFAULT, "1000:50", null, false, List.of()));
    OciSpec named =
        OciSpecBuilder.build(request(SecurityOptions.DEFAULT, "app", null, false, List.of()));
    assertThat(numeric.process().user()).isEqualTo(new OciSpec.User(1000, 50, null));
    assertThat(numeric.annotations()).containsEntry(Annotations.USER, "1000:50");
    assertThat(named.process().user()).isEqualTo(new OciSpec.User(0, 0, null));
    assertThat(named.annotations()).containsEntry(Annotations.USER, "app");
  }

  @Test
  void ulimits_becomeRlimitsAndUnknownOnesAreRefused() {
    OciSpec spec =
        OciSpecBuilder.build(
            request(
                SecurityOptions.DEFAULT, null, null, false, List.of(new Ulimit("nofile", 10, 20))));
    assertThat(spec.process().rlimits())
        .containsExactly(new OciSpec.Rlimit("RLIMIT_NOFILE", 20, 10));
    assertThatThrownBy(
            () ->
                OciSpecBuilder.build(
                    request(
                        SecurityOptions.DEFAULT,
                        null,
                        null,
                        false,
                        List.of(new Ulimit("nofiles", 1, 1)))))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("ulimits.nofiles");
  }
}
