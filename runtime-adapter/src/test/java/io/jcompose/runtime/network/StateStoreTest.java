package io.jcompose.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.runtime.sys.Lsattr;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
  @TempDir Path temp;

  @Test
  void createContainerDir_spreadsContainerDirectoriesOverBlockGroups() throws Exception {
    assumeTrue(Lsattr.onExtFileSystem(temp), "needs an ext2/3/4 temporary directory");
    StateStore store = new StateStore(temp.resolve("networks"), temp.resolve("run/network"));

    Path dir = store.createContainerDir("c1");

    assertThat(dir).isDirectory().isEqualTo(store.containerDir("c1"));
    assertThat(Lsattr.isTopDirectory(temp.resolve("run/network/containers"))).isTrue();
  }
}
