package io.jcompose.runtime.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes OCI image layouts for tests and benchmarks: layers built from a list of entries (files,
 * directories, whiteouts, opaque markers, large random files), configs, manifests and
 * multi-platform indexes, tagged in {@code index.json} so skopeo can push them.
 */
final class OciLayoutWriter {

  static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Layer compressions and their media types. */
  enum Compression {
    NONE("application/vnd.oci.image.layer.v1.tar"),
    GZIP("application/vnd.oci.image.layer.v1.tar+gzip"),
    ZSTD("application/vnd.oci.image.layer.v1.tar+zstd");

    final String mediaType;

    Compression(String mediaType) {
      this.mediaType = mediaType;
    }
  }

  record Blob(String mediaType, String digest, long size) {}

  record Layer(Blob blob, String diffId) {}

  /** One tar entry; build with the static factories. */
  record Entry(
      String path,
      byte[] content,
      long randomSize,
      boolean directory,
      int mode,
      String linkTarget) {
    static Entry file(String path, String content) {
      return file(path, content.getBytes(StandardCharsets.UTF_8), 0644);
    }

    /** A regular file with the given permission bits ({@code 0755} for a program). */
    static Entry file(String path, byte[] content, int mode) {
      return new Entry(path, content, -1, false, mode, null);
    }

    static Entry dir(String path) {
      return new Entry(path, null, -1, true, 0755, null);
    }

    /** A symbolic link at {@code path} pointing to {@code target}. */
    static Entry symlink(String path, String target) {
      return new Entry(path, null, -1, false, 0777, target);
    }

    /** Deletes {@code path} of a lower layer. */
    static Entry whiteout(String path) {
      int slash = path.lastIndexOf('/');
      return file(path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1), "");
    }

    /** Hides everything lower layers have in {@code dir}. */
    static Entry opaque(String dir) {
      return file(dir + "/.wh..wh..opq", "");
    }

    /** {@code size} bytes of seeded random (incompressible) data. */
    static Entry random(String path, long size) {
      return new Entry(path, null, size, false, 0644, null);
    }
  }

  private final Path dir;
  private final List<ObjectNode> tagged = new ArrayList<>();

  OciLayoutWriter(Path dir) throws IOException {
    this.dir = dir;
    Files.createDirectories(dir.resolve("blobs/sha256"));
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    writeIndex();
  }

  Path dir() {
    return dir;
  }

  Path blobPath(String digest) {
    return dir.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
  }

  Layer layer(Compression compression, List<Entry> entries) throws IOException {
    Path temp = Files.createTempFile(dir, "layer", ".tmp");
    MessageDigest blobDigest = sha256();
    MessageDigest diffDigest = sha256();
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
        DigestOutputStream blobOut = new DigestOutputStream(file, blobDigest);
        OutputStream compressed = compress(compression, blobOut);
        DigestOutputStream diffOut = new DigestOutputStream(compressed, diffDigest);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(diffOut)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      Random random = new Random(42);
      for (Entry e : entries) {
        TarArchiveEntry t =
            e.linkTarget() != null
                ? new TarArchiveEntry(e.path(), TarConstants.LF_SYMLINK)
                : new TarArchiveEntry(e.path() + (e.directory() ? "/" : ""));
        t.setModTime(0);
        if (e.linkTarget() != null) {
          t.setLinkName(e.linkTarget());
          t.setMode(0120777);
          tar.putArchiveEntry(t);
        } else if (e.directory()) {
          t.setMode(040000 | e.mode());
          tar.putArchiveEntry(t);
        } else if (e.content() != null) {
          t.setMode(0100000 | e.mode());
          t.setSize(e.content().length);
          tar.putArchiveEntry(t);
          tar.write(e.content());
        } else {
          t.setMode(0100644);
          t.setSize(e.randomSize());
          tar.putArchiveEntry(t);
          byte[] chunk = new byte[1 << 16];
          for (long left = e.randomSize(); left > 0; left -= chunk.length) {
            random.nextBytes(chunk);
            tar.write(chunk, 0, (int) Math.min(left, chunk.length));
          }
        }
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
    String digest = "sha256:" + HexFormat.of().formatHex(blobDigest.digest());
    Path target = blobPath(digest);
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    return new Layer(
        new Blob(compression.mediaType, digest, Files.size(target)),
        "sha256:" + HexFormat.of().formatHex(diffDigest.digest()));
  }

  private static OutputStream compress(Compression c, OutputStream out) throws IOException {
    OutputStream unclosable =
        new java.io.FilterOutputStream(out) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
          }
        };
    return switch (c) {
      case NONE -> unclosable;
      case GZIP -> new GZIPOutputStream(unclosable, 1 << 16);
      case ZSTD -> new ZstdOutputStream(unclosable, 3);
    };
  }

  Blob config(String architecture, String variant, List<Layer> layers) throws IOException {
    ObjectNode config = JSON.createObjectNode();
    config.put("architecture", architecture);
    if (variant != null) {
      config.put("variant", variant);
    }
    config.put("os", "linux");
    config.putObject("config").putArray("Cmd").add("/bin/sh");
    ObjectNode rootfs = config.putObject("rootfs");
    rootfs.put("type", "layers");
    ArrayNode diffIds = rootfs.putArray("diff_ids");
    layers.forEach(l -> diffIds.add(l.diffId()));
    return json("application/vnd.oci.image.config.v1+json", config);
  }

  Blob manifest(Blob config, List<Layer> layers) throws IOException {
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", OCI_MANIFEST);
    manifest.set("config", descriptor(config));
    ArrayNode array = manifest.putArray("layers");
    layers.forEach(l -> array.add(descriptor(l.blob())));
    return json(OCI_MANIFEST, manifest);
  }

  /** A one-platform image: config plus manifest. */
  Blob image(String architecture, List<Layer> layers) throws IOException {
    return manifest(config(architecture, null, layers), layers);
  }

  /** An index of {@code (manifest, "arch[/variant]")} pairs. */
  Blob index(List<Blob> manifests, List<String> platforms) throws IOException {
    ObjectNode index = JSON.createObjectNode();
    index.put("schemaVersion", 2);
    index.put("mediaType", OCI_INDEX);
    ArrayNode array = index.putArray("manifests");
    for (int i = 0; i < manifests.size(); i++) {
      ObjectNode d = descriptor(manifests.get(i));
      String[] p = platforms.get(i).split("/");
      ObjectNode platform = d.putObject("platform");
      platform.put("architecture", p[0]);
      platform.put("os", "linux");
      if (p.length > 1) {
        platform.put("variant", p[1]);
      }
      array.add(d);
    }
    return json(OCI_INDEX, index);
  }

  /** Names {@code target} in {@code index.json}, so {@code oci:DIR:name} finds it. */
  void tag(String name, Blob target) throws IOException {
    ObjectNode d = descriptor(target);
    d.putObject("annotations").put("org.opencontainers.image.ref.name", name);
    tagged.add(d);
    writeIndex();
  }

  private void writeIndex() throws IOException {
    ObjectNode index = JSON.createObjectNode();
    index.put("schemaVersion", 2);
    ArrayNode array = index.putArray("manifests");
    tagged.forEach(array::add);
    Files.write(dir.resolve("index.json"), JSON.writeValueAsBytes(index));
  }

  private Blob json(String mediaType, ObjectNode node) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(node);
    String digest = "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
    Files.write(blobPath(digest), bytes);
    return new Blob(mediaType, digest, bytes.length);
  }

  private static ObjectNode descriptor(Blob blob) {
    ObjectNode d = JSON.createObjectNode();
    d.put("mediaType", blob.mediaType());
    d.put("digest", blob.digest());
    d.put("size", blob.size());
    return d;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
