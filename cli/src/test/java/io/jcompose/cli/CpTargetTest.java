package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker cp's placement rules, copied between two temp "roots". */
class CpTargetTest {

  @TempDir Path tmp;
  Path src;
  Path dst;

  @BeforeEach
  void tree() throws Exception {
    src = Files.createDirectories(tmp.resolve("src"));
    dst = Files.createDirectories(tmp.resolve("dst"));
    Files.createDirectories(src.resolve("dir/sub"));
    Files.writeString(src.resolve("dir/a.txt"), "a");
    Files.writeString(src.resolve("dir/sub/b.txt"), "b");
    Files.createDirectories(dst.resolve("existing"));
  }

  private void copy(String from, String to) throws Exception {
    ContainerRoot s = new ContainerRoot(src);
    ContainerRoot d = new ContainerRoot(dst);
    Path host = s.resolve(from, from.endsWith("/.") || from.endsWith("/"));
    String target = CpTarget.of(from, Files.isDirectory(host), to, d);
    CpTreeReader.read(host, new CpFileWriter(d, target, false));
  }

  @Test
  void directoryIntoExistingDirectory_createsItInside() throws Exception {
    copy("/dir", "/existing");
    assertThat(dst.resolve("existing/dir/a.txt")).hasContent("a");
    assertThat(dst.resolve("existing/dir/sub/b.txt")).hasContent("b");
  }

  @Test
  void directoryDotIntoExistingDirectory_copiesItsContent() throws Exception {
    copy("/dir/.", "/existing");
    assertThat(dst.resolve("existing/a.txt")).hasContent("a");
    assertThat(dst.resolve("existing/sub/b.txt")).hasContent("b");
    assertThat(dst.resolve("existing/dir")).doesNotExist();
  }

  @Test
  void directoryToMissingPath_becomesThatPath() throws Exception {
    copy("/dir", "/fresh");
    assertThat(dst.resolve("fresh/a.txt")).hasContent("a");
  }

  @Test
  void fileIntoDirectory_keepsItsName_andFileToMissingPath_isRenamed() throws Exception {
    copy("/dir/a.txt", "/existing");
    copy("/dir/a.txt", "/renamed.txt");
    assertThat(dst.resolve("existing/a.txt")).hasContent("a");
    assertThat(dst.resolve("renamed.txt")).hasContent("a");
  }

  @Test
  void directoryOntoFile_andFileIntoMissingDirectory_areRefused() throws Exception {
    Files.writeString(dst.resolve("plain"), "x");
    assertThatThrownBy(() -> copy("/dir", "/plain")).hasMessageContaining("directory to a file");
    assertThatThrownBy(() -> copy("/dir/a.txt", "/nowhere/"))
        .hasMessageContaining("does not exist");
  }

  @Test
  void tarStream_roundTripsADirectory() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CpTarWriter tar = new CpTarWriter(bytes, "dir")) {
      CpTreeReader.read(src.resolve("dir"), tar);
    }
    CpTarReader.read(
        new ByteArrayInputStream(bytes.toByteArray()),
        new CpFileWriter(new ContainerRoot(dst), "/existing", false));
    assertThat(dst.resolve("existing/dir/sub/b.txt")).hasContent("b");
  }

  @Test
  void tarEntryClimbingWithDotDot_isRejected() {
    assertThat(CpTarReader.clean("../etc/passwd")).isNull();
    assertThat(CpTarReader.clean("./a/b/")).isEqualTo("a/b");
  }

  @Test
  void serviceArgument_isSplitAtTheColon_butLocalPathsStayLocal() {
    assertThat(CpArgument.parse("web:/etc/x")).isEqualTo(new CpArgument("web", "/etc/x"));
    assertThat(CpArgument.parse("./a:b").inContainer()).isFalse();
    assertThat(CpArgument.parse("-").inContainer()).isFalse();
  }
}
