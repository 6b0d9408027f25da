package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpContainerRootTest {

  @TempDir Path tmp;

  @Test
  void absoluteSymlinkTarget_staysInsideTheRoot() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Files.createDirectories(root.resolve("etc"));
    Files.createSymbolicLink(root.resolve("link"), Path.of("/etc"));
    Path resolved = new ContainerRoot(root).resolve("/link/passwd", true);
    assertThat(resolved).isEqualTo(root.resolve("etc/passwd"));
  }

  @Test
  void dotDotInASymlink_cannotClimbAboveTheRoot() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Files.createDirectories(root.resolve("a"));
    Files.createSymbolicLink(root.resolve("a/up"), Path.of("../../../../outside"));
    Path resolved = new ContainerRoot(root).resolve("a/up/x", true);
    assertThat(resolved).isEqualTo(root.resolve("outside/x"));
    assertThat(new ContainerRoot(root).resolve("/../../x", true)).isEqualTo(root.resolve("x"));
  }

  @Test
  void lastSymlink_isFollowedOnlyWhenAsked() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Files.createDirectories(root.resolve("data"));
    Files.createSymbolicLink(root.resolve("d"), Path.of("data"));
    ContainerRoot r = new ContainerRoot(root);
    assertThat(r.resolve("/d", false)).isEqualTo(root.resolve("d"));
    assertThat(r.resolve("/d", true)).isEqualTo(root.resolve("data"));
  }

  @Test
  void writingThroughAnEscapingSymlink_landsInsideTheRoot() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.createSymbolicLink(root.resolve("evil"), outside);
    Files.createDirectories(root.resolve(outside.toString().substring(1)));
    CpFileWriter writer = new CpFileWriter(new ContainerRoot(root), "/evil/f", false);
    writer.file(
        "",
        new CpEntrySink.Attributes(0644, 0, 0, null),
        2,
        new java.io.ByteArrayInputStream("hi".getBytes()));
    assertThat(outside.resolve("f")).doesNotExist();
    assertThat(root.resolve(outside.toString().substring(1)).resolve("f")).hasContent("hi");
  }

  @Test
  void symlinkLoop_failsInsteadOfSpinning() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Files.createSymbolicLink(root.resolve("a"), Path.of("b"));
    Files.createSymbolicLink(root.resolve("b"), Path.of("a"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new ContainerRoot(root).resolve("/a/x", true))
        .hasMessageContaining("too many levels");
  }
}
