package io.jcompose.runtime.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.runtime.sys.Lsattr;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerStoreTest {
  @TempDir Path temp;

  @Test
  void createDir_spreadsContainerDirectoriesOverBlockGroups() throws Exception {
    assumeTrue(Lsattr.onExtFileSystem(temp), "needs an ext2/3/4 temporary directory");
    ContainerStore store = new ContainerStore(temp.resolve("containers"));

    ContainerDir dir = store.createDir("c1");

    assertThat(dir.path()).isDirectory().isEqualTo(temp.resolve("containers/c1"));
    assertThat(Lsattr.isTopDirectory(temp.resolve("containers"))).isTrue();
  }
}
