package io.jcompose.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.runtime.sys.Lsattr;
import java.nio.file.Files;
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

  @Test
  void containerIdThatClimbsOutOfTheStateDirectoryIsRefusedAndDeletesNothing() throws Exception {
    StateStore store = new StateStore(temp.resolve("networks"), temp.resolve("run/network"));
    // Where containers/../x would point: a sibling of the containers directory.
    Path outside = Files.createDirectories(temp.resolve("run/network/x"));
    Files.writeString(outside.resolve("hostname"), "keep\n");

    assertThatThrownBy(() -> store.deleteContainerDir("../x"))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessage(
            "container id '../x' is not a valid file name; use letters, digits, '_', '.', '-',"
                + " starting with a letter or digit");
    assertThatThrownBy(() -> store.createContainerDir("../x")).isInstanceOf(RuntimeFailure.class);
    assertThat(outside.resolve("hostname")).hasContent("keep");
    assertThat(store.containerDir("c-1.a_b"))
        .isEqualTo(temp.resolve("run/network/containers/c-1.a_b"));
  }
}
