package io.jcompose.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that {@code down -v} removed everything a stack made: its containers, the veth links and
 * bridges of its containers, its networks' nft tables, its mounts and its cgroups. While the stack
 * is up it first proves that each check finds the stack's objects, so a check that could never fail
 * (say, after the runtime renamed its cgroups) fails instead.
 */
final class DownLeavesNothing {

  private final SampleStack stack;
  private final Set<String> linksOfStack = new TreeSet<>();

  private DownLeavesNothing(SampleStack stack) {
    this.stack = stack;
  }

  /** Starts watching a stack (before {@code up}). */
  static DownLeavesNothing watch(SampleStack stack) {
    return new DownLeavesNothing(stack);
  }

  /**
   * Records the stack's links and container IDs and checks that each probe sees them; call it after
   * every {@code up} of the test.
   */
  void whileUp() {
    assertThat(stack.containers()).as("containers of %s while up", stack.project()).isNotEmpty();
    linksOfStack.addAll(
        HostLeftovers.linksOfNamespacesUnder(stack.stateDir().resolve("run/netns")));
    assertThat(linksOfStack)
        .as("veth links of %s found from the netns under %s", stack.project(), stack.stateDir())
        .isNotEmpty();
    if (Files.isExecutable(Path.of("/usr/sbin/nft"))) {
      assertThat(HostLeftovers.nftTablesOfBridges(linksOfStack))
          .as("nft tables of the networks of %s while up", stack.project())
          .isNotEmpty();
    }
    assertThat(HostLeftovers.mountsMentioning(stack.leftoverNeedles()))
        .as("mounts of %s while up", stack.project())
        .isNotEmpty();
    assertThat(HostLeftovers.cgroupsMentioning(stack.leftoverNeedles()))
        .as("cgroups of %s while up", stack.project())
        .isNotEmpty();
  }

  /** Asserts that nothing of the stack is left (after {@code down -v}). */
  void assertNothingLeft() {
    assertThat(stack.containers()).as("containers of %s after down -v", stack.project()).isEmpty();
    assertThat(HostLeftovers.linksStillPresent(linksOfStack))
        .as("veth/bridge links of %s after down -v", stack.project())
        .isEmpty();
    assertThat(HostLeftovers.nftTablesOfBridges(linksOfStack))
        .as("nft tables of the networks of %s after down -v", stack.project())
        .isEmpty();
    assertThat(HostLeftovers.mountsMentioning(stack.leftoverNeedles()))
        .as("mounts of %s after down -v", stack.project())
        .isEmpty();
    assertThat(HostLeftovers.cgroupsMentioning(stack.leftoverNeedles()))
        .as("cgroups of %s after down -v", stack.project())
        .isEmpty();
  }
}
