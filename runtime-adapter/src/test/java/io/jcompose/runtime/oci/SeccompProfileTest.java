package io.jcompose.runtime.oci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.runtime.api.SecurityOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeccompProfileTest {

  private static final List<String> DOCKER_CAPS =
      CapabilitySet.DOCKER_DEFAULT.stream().map(c -> "CAP_" + c).toList();

  private static List<String> refusedWithoutConditions(OciSpec.Seccomp profile) {
    return profile.syscalls().stream()
        .filter(r -> r.args().isEmpty() && r.errnoRet() == 1)
        .flatMap(r -> r.names().stream())
        .toList();
  }

  private static OciSpec build(SecurityOptions security) {
    return OciSpecBuilder.build(
        new BundleRequest(
            List.of("sh"),
            List.of(),
            "/",
            null,
            false,
            "web",
            security,
            0,
            List.of(),
            List.of(),
            Map.of(),
            null,
            false,
            Path.of("/c/rootfs"),
            Map.of(),
            (1L << 41) - 1));
  }

  @Test
  void dockerDefaultCaps_refuseNamespaceMountKeyringModuleAndTimeCalls() {
    OciSpec.Seccomp profile = SeccompProfile.forCapabilities(DOCKER_CAPS, "amd64");
    assertThat(profile.defaultAction()).isEqualTo("SCMP_ACT_ALLOW");
    assertThat(profile.architectures())
        .containsExactly("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32");
    assertThat(refusedWithoutConditions(profile))
        .contains(
            "unshare", "setns", "mount", "umount2", "fsopen", "fsmount", "move_mount", "open_tree")
        .contains("fspick", "fsconfig", "keyctl", "add_key", "request_key", "kexec_load")
        .contains("init_module", "reboot", "swapon", "open_by_handle_at", "bpf")
        .contains("perf_event_open", "clock_settime", "settimeofday", "acct", "userfaultfd")
        .contains("pivot_root", "io_uring_setup")
        .doesNotContain("chroot", "read", "clone", "ptrace", "personality");
  }

  @Test
  void dockerDefaultCaps_refuseCloneWithNamespaceFlagsAndClone3WithEnosys() {
    OciSpec.Seccomp profile = SeccompProfile.forCapabilities(DOCKER_CAPS, "amd64");
    assertThat(profile.syscalls())
        .filteredOn(r -> r.names().equals(List.of("clone")))
        .hasSize(7)
        .allSatisfy(
            r -> {
              OciSpec.SyscallArg arg = r.args().get(0);
              assertThat(arg.op()).isEqualTo("SCMP_CMP_MASKED_EQ");
              assertThat(arg.value()).isEqualTo(arg.valueTwo());
              assertThat(arg.value() & 0x7E020000L).isEqualTo(arg.value());
            });
    assertThat(profile.syscalls())
        .filteredOn(r -> r.names().equals(List.of("clone3")))
        .singleElement()
        .satisfies(r -> assertThat(r.errnoRet()).isEqualTo(38));
  }

  @Test
  void personality_isRefusedOnlyWhenNoneOfDockersPersonasIsAsked() {
    OciSpec.SyscallRule rule =
        SeccompProfile.forCapabilities(DOCKER_CAPS, "amd64").syscalls().stream()
            .filter(r -> r.names().equals(List.of("personality")))
            .findFirst()
            .orElseThrow();
    assertThat(rule.args())
        .extracting(OciSpec.SyscallArg::value)
        .containsExactly(0L, 8L, 0x20000L, 0x20008L, 0xffffffffL);
    assertThat(rule.args()).extracting(OciSpec.SyscallArg::op).containsOnly("SCMP_CMP_NE");
  }

  @Test
  void capabilities_liftTheCallsDockerAllowsThem() {
    List<String> caps =
        List.of(
            "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_TIME", "CAP_SYS_MODULE", "CAP_SYS_PTRACE");
    OciSpec.Seccomp profile = SeccompProfile.forCapabilities(caps, "aarch64");
    assertThat(profile.architectures()).containsExactly("SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM");
    assertThat(refusedWithoutConditions(profile))
        .doesNotContain("mount", "unshare", "setns", "bpf", "reboot", "clock_settime")
        .doesNotContain("init_module", "kcmp")
        .contains("keyctl", "swapon", "chroot", "acct", "open_by_handle_at");
    assertThat(profile.syscalls()).noneMatch(r -> r.names().contains("clone"));
    assertThat(profile.syscalls()).noneMatch(r -> r.names().contains("clone3"));
  }

  @Test
  void ociSpec_carriesTheFilterExceptPrivilegedOrUnconfined() {
    assertThat(build(SecurityOptions.DEFAULT).linux().seccomp()).isNotNull();
    assertThat(
            build(new SecurityOptions(true, List.of(), List.of(), false, false)).linux().seccomp())
        .isNull();
    assertThat(build(SecurityOptions.DEFAULT.withSeccompUnconfined(true)).linux().seccomp())
        .isNull();
    OciSpec withAdmin =
        build(new SecurityOptions(false, List.of("SYS_ADMIN"), List.of(), false, false));
    assertThat(refusedWithoutConditions(withAdmin.linux().seccomp())).doesNotContain("mount");
  }

  @Test
  void json_isTheRuntimeSpecForm() throws Exception {
    JsonNode seccomp =
        new ObjectMapper()
            .valueToTree(build(SecurityOptions.DEFAULT))
            .path("linux")
            .path("seccomp");
    assertThat(seccomp.path("defaultAction").asText()).isEqualTo("SCMP_ACT_ALLOW");
    JsonNode first = seccomp.path("syscalls").get(0);
    assertThat(first.path("action").asText()).isEqualTo("SCMP_ACT_ERRNO");
    assertThat(first.path("errnoRet").asInt()).isEqualTo(1);
    assertThat(first.has("args")).isFalse();
    JsonNode socket = seccomp.path("syscalls").get(seccomp.path("syscalls").size() - 2);
    assertThat(socket.path("names").get(0).asText()).isEqualTo("socket");
    assertThat(socket.path("args").get(0).path("value").asLong()).isEqualTo(40);
  }
}
