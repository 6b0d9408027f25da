package io.jcompose.runtime.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpreadDirectoryTest {
  @TempDir Path temp;

  @Test
  void ensure_createsTheDirectoryAndMarksItTopOfHierarchy_onExt4() throws Exception {
    assumeTrue(Lsattr.onExtFileSystem(temp), "needs an ext2/3/4 temporary directory");
    Path dir = temp.resolve("a/containers");

    Path made = new SpreadDirectory(dir).ensure();

    assertThat(made).isEqualTo(dir).isDirectory();
    assertThat(Lsattr.isTopDirectory(dir)).isTrue();
  }

  @Test
  void ensure_marksADirectoryThatAlreadyExistsWithContent() throws Exception {
    assumeTrue(Lsattr.onExtFileSystem(temp), "needs an ext2/3/4 temporary directory");
    Path dir = Files.createDirectories(temp.resolve("containers/old"));
    Files.writeString(dir.resolve("f"), "x");

    new SpreadDirectory(dir.getParent()).ensure();

    assertThat(Lsattr.isTopDirectory(dir.getParent())).isTrue();
    assertThat(Lsattr.isTopDirectory(dir)).isFalse();
    assertThat(dir.resolve("f")).hasContent("x");
  }

  @Test
  void ensure_onAFileSystemWithoutTheFlag_onlyCreatesTheDirectory() throws Exception {
    Path shm = Path.of("/dev/shm");
    assumeTrue(Files.isDirectory(shm) && Files.getFileStore(shm).type().equals("tmpfs"));
    Path dir = Files.createTempDirectory(shm, "spread-test").resolve("containers");
    try {
      assertThat(new SpreadDirectory(dir).ensure()).isDirectory();
      assertThat(SpreadDirectory.mark(dir)).isFalse();
    } finally {
      Files.deleteIfExists(dir);
      Files.deleteIfExists(dir.getParent());
    }
  }
}
