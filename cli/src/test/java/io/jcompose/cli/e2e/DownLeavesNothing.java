package io.jcompose.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that {@code down -v} removed everything a stack made: its containers, the veth and bridge
 * links that appeared while it was up, its mounts and its cgroups.
 */
final class DownLeavesNothing {

  private final SampleStack stack;
  private final Set<String> linksBeforeUp;
  private Set<String> linksOfStack = Set.of();

  private DownLeavesNothing(SampleStack stack) {
    this.stack = stack;
    this.linksBeforeUp = HostLeftovers.vethAndBridgeLinks();
  }

  /** Starts watching: call before {@code up}. */
  static DownLeavesNothing watch(SampleStack stack) {
    return new DownLeavesNothing(stack);
  }

  /**
   * Records the links the stack made and its container IDs: call while it is up. Tests of one Maven
   * run go one after another, so links that appeared meanwhile are the stack's.
   */
  void whileUp() {
    Set<String> now = new TreeSet<>(HostLeftovers.vethAndBridgeLinks());
    now.removeAll(linksBeforeUp);
    linksOfStack = now;
    stack.containers();
  }

  /** Asserts that nothing of the stack is left: call after {@code down -v}. */
  void assertNothingLeft() {
    assertThat(stack.containers()).as("containers of %s after down -v", stack.project()).isEmpty();
    Set<String> links = new TreeSet<>(HostLeftovers.vethAndBridgeLinks());
    links.retainAll(linksOfStack);
    assertThat(links).as("veth/bridge links made by %s still present", stack.project()).isEmpty();
    assertThat(HostLeftovers.mountsMentioning(stack.leftoverNeedles()))
        .as("mounts of %s after down -v", stack.project())
        .isEmpty();
    assertThat(HostLeftovers.cgroupsMentioning(stack.leftoverNeedles()))
        .as("cgroups of %s after down -v", stack.project())
        .isEmpty();
  }
}
