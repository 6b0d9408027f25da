package io.jcompose.runtime.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.runtime.api.SecurityOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapabilitySetTest {
  private static List<String> caps(List<String> add, List<String> drop) {
    return CapabilitySet.of(new SecurityOptions(false, add, drop, false, false), (1L << 41) - 1);
  }

  @Test
  void defaultSet_hasDockersMask() {
    assertThat(CapabilitySet.mask(caps(List.of(), List.of()))).isEqualTo(0xa80425fbL);
  }

  @Test
  void capAddAndDrop_acceptNamesWithOrWithoutPrefixInAnyCase() {
    List<String> caps = caps(List.of("net_admin", "CAP_SYS_PTRACE"), List.of("cap_chown"));
    assertThat(caps).contains("CAP_NET_ADMIN", "CAP_SYS_PTRACE").doesNotContain("CAP_CHOWN");
  }

  @Test
  void dropAll_keepsOnlyTheAddedOnes() {
    assertThat(caps(List.of("NET_BIND_SERVICE"), List.of("ALL")))
        .containsExactly("CAP_NET_BIND_SERVICE");
  }

  @Test
  void capabilitiesJcomposeLacks_areLeftOutOfPrivileged() {
    List<String> all =
        CapabilitySet.of(
            new SecurityOptions(true, List.of(), List.of(), false, false),
            ((1L << 41) - 1) & ~(1L << 24));
    assertThat(all).hasSize(40).doesNotContain("CAP_SYS_RESOURCE");
  }

  @Test
  void capAddOfACapabilityJcomposeLacks_isAnError() {
    assertThatThrownBy(
            () ->
                CapabilitySet.of(
                    new SecurityOptions(false, List.of("SYS_RESOURCE"), List.of(), false, false),
                    ~(1L << 24)))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("CAP_SYS_RESOURCE");
  }

  @Test
  void unknownCapability_isAOneLineError() {
    assertThatThrownBy(() -> caps(List.of("NET_ADMN"), List.of()))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("NET_ADMN");
  }
}
