package io.jcompose.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerUnpackerTest {

  @TempDir Path root;

  private LayerUnpacker.Result unpack(byte[] tar) throws IOException {
    return LayerUnpacker.unpack(new ByteArrayInputStream(tar), root);
  }

  @Test
  void unpack_keepsModesOwnersAndMtimes() throws IOException {
    unpack(
        TestTar.create()
            .dir("bin", 0755, 0, 0)
            .file("bin/tool", "#!/bin/sh\n", 04755, 0, 0)
            .dir("home/app", 0700, 1000, 1001)
            .file("home/app/notes", "hi", 0640, 1000, 1001)
            .toBytes());

    Path tool = root.resolve("bin/tool");
    assertThat(Files.readString(tool)).isEqualTo("#!/bin/sh\n");
    assertThat((int) Files.getAttribute(tool, "unix:mode") & 07777).isEqualTo(04755);
    Path notes = root.resolve("home/app/notes");
    assertThat(Files.getAttribute(notes, "unix:uid")).isEqualTo(1000);
    assertThat(Files.getAttribute(notes, "unix:gid")).isEqualTo(1001);
    assertThat((int) Files.getAttribute(root.resolve("home/app"), "unix:mode") & 07777)
        .isEqualTo(0700);
    assertThat(Files.getLastModifiedTime(notes)).isEqualTo(FileTime.from(TestTar.MTIME));
    assertThat(Files.getLastModifiedTime(root.resolve("home/app")))
        .isEqualTo(FileTime.from(TestTar.MTIME));
  }

  @Test
  void unpack_createsSymlinksHardlinksDevicesAndFifos() throws IOException {
    unpack(
        TestTar.create()
            .file("etc/real", "data")
            .symlink("etc/alias", "/etc/real")
            .hardlink("etc/same", "etc/real")
            .charDevice("dev/null", 1, 3)
            .fifo("run/pipe")
            .toBytes());

    assertThat(Files.readSymbolicLink(root.resolve("etc/alias"))).isEqualTo(Path.of("/etc/real"));
    assertThat(Files.getAttribute(root.resolve("etc/same"), "unix:ino"))
        .isEqualTo(Files.getAttribute(root.resolve("etc/real"), "unix:ino"));
    assertThat(Files.getAttribute(root.resolve("dev/null"), "unix:rdev"))
        .isEqualTo(PosixFiles.makedev(1, 3));
    assertThat((int) Files.getAttribute(root.resolve("dev/null"), "unix:mode") & 0170000)
        .isEqualTo(PosixFiles.S_IFCHR);
    assertThat((int) Files.getAttribute(root.resolve("run/pipe"), "unix:mode") & 0170000)
        .isEqualTo(PosixFiles.S_IFIFO);
  }

  @Test
  void unpack_turnsWhiteoutIntoZeroZeroCharacterDevice() throws IOException {
    unpack(TestTar.create().dir("etc").whiteout("etc/gone").toBytes());

    Path whiteout = root.resolve("etc/gone");
    assertThat((int) Files.getAttribute(whiteout, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000)
        .isEqualTo(PosixFiles.S_IFCHR);
    assertThat(Files.getAttribute(whiteout, "unix:rdev")).isEqualTo(0L);
    assertThat(root.resolve("etc/.wh.gone")).doesNotExist();
  }

  @Test
  void unpack_marksOpaqueDirectoryWithOverlayXattr() throws IOException {
    unpack(
        TestTar.create().dir("var/cache").opaque("var/cache").file("var/cache/new", "n").toBytes());

    assertThat(PosixFiles.getXattr(root.resolve("var/cache"), "trusted.overlay.opaque"))
        .isEqualTo("y".getBytes(StandardCharsets.US_ASCII));
    assertThat(root.resolve("var/cache/.wh..wh..opq")).doesNotExist();
    assertThat(root.resolve("var/cache/new")).hasContent("n");
  }

  @Test
  void unpack_returnsSha256OfUncompressedTarAsDiffId() throws IOException {
    TestTar tar = TestTar.create().file("a", "1");
    String expected = Digests.of(tar.toBytes());

    assertThat(unpack(tar.gzip()).diffId()).isEqualTo(expected);
  }

  @Test
  void unpack_readsZstdLayers() throws IOException {
    TestTar tar = TestTar.create().file("z/file", "zstd content");

    LayerUnpacker.Result result = unpack(tar.zstd());

    assertThat(root.resolve("z/file")).hasContent("zstd content");
    assertThat(result.diffId()).isEqualTo(Digests.of(tar.toBytes()));
    assertThat(result.sizeBytes()).isEqualTo("zstd content".length());
  }

  @Test
  void unpack_rejectsDotDotEscape() {
    byte[] tar;
    try {
      tar = TestTar.create().file("../escaped", "x").toBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }

    assertThatThrownBy(() -> unpack(tar))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("'..'");
    assertThat(root.getParent().resolve("escaped")).doesNotExist();
  }

  @Test
  void unpack_rejectsWritingThroughSymlink(@TempDir Path outside) throws IOException {
    byte[] tar =
        TestTar.create().symlink("evil", outside.toString()).file("evil/owned", "x").toBytes();

    assertThatThrownBy(() -> unpack(tar))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("symlink 'evil'");
    assertThat(outside.resolve("owned")).doesNotExist();
  }

  @Test
  void unpack_rejectsHardlinkToOutsideFile() throws IOException {
    byte[] tar = TestTar.create().hardlink("passwd", "../../../../etc/passwd").toBytes();

    assertThatThrownBy(() -> unpack(tar))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("'..'");
    assertThat(root.resolve("passwd")).doesNotExist();
  }

  @Test
  void unpack_laterEntryReplacesEarlierOne() throws IOException {
    unpack(TestTar.create().file("x", "old").dir("x").file("x/y", "new").toBytes());

    assertThat(root.resolve("x")).isDirectory();
    assertThat(root.resolve("x/y")).hasContent("new");
  }

  @Test
  void unpack_acceptsTarWithoutPaddingAndEndBlocksAsUmociWritesThem() throws IOException {
    byte[] full = TestTar.create().file("etc/motd", "hello!").toBytes();
    byte[] cut = java.util.Arrays.copyOf(full, 512 + 6); // header + content, nothing after

    LayerUnpacker.Result result = unpack(cut);

    assertThat(root.resolve("etc/motd")).hasContent("hello!");
    assertThat(result.diffId()).isEqualTo(Digests.of(cut));
  }

  @Test
  void unpack_rejectsContentCutShort() throws IOException {
    byte[] full = TestTar.create().file("etc/motd", "hello!").toBytes();
    byte[] cut = java.util.Arrays.copyOf(full, 512 + 3);

    assertThatThrownBy(() -> unpack(cut))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cut short");
  }

  @Test
  void unpack_appliesFileCapabilitiesFromPaxButNeverOverlayXattrs() throws IOException {
    byte[] cap = {1, 0, 0, 2, 0, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}; // cap_net_raw+ep
    org.apache.commons.compress.archivers.tar.TarArchiveEntry ping =
        new org.apache.commons.compress.archivers.tar.TarArchiveEntry("bin/ping");
    ping.setSize(1);
    ping.setMode(0100755);
    ping.addPaxHeader("SCHILY.xattr.security.capability", new String(cap, StandardCharsets.UTF_8));
    ping.addPaxHeader("SCHILY.xattr.trusted.overlay.opaque", "y");
    org.apache.commons.compress.archivers.tar.TarArchiveEntry dir =
        new org.apache.commons.compress.archivers.tar.TarArchiveEntry("etc/");
    dir.addPaxHeader("SCHILY.xattr.trusted.overlay.opaque", "y");

    unpack(TestTar.create().custom(ping, new byte[] {'p'}).custom(dir, null).toBytes());

    assertThat(PosixFiles.getXattr(root.resolve("bin/ping"), "security.capability")).isEqualTo(cap);
    assertThat(PosixFiles.getXattr(root.resolve("bin/ping"), "trusted.overlay.opaque")).isNull();
    assertThat(PosixFiles.getXattr(root.resolve("etc"), "trusted.overlay.opaque")).isNull();
  }
}
