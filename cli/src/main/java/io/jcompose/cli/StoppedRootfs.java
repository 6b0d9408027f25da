package io.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.runtime.api.RuntimePaths;
import io.jcompose.runtime.oci.Annotations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * The file system of a container that is not running, for {@code cp}: its overlay (image layers
 * under its own upper directory) mounted on a private temporary directory of the run directory,
 * with its bind mounts (volumes, binds) on top where their targets exist. {@link #close()} detaches
 * every mount and deletes the directory, also when the copy failed or the JVM is stopped.
 */
final class StoppedRootfs implements AutoCloseable {

  /** The libc calls used, bound by jnr-ffi (no mount(8) process per mount). */
  public interface LibC {
    int mount(String source, String target, String type, long flags, String data);

    int umount2(String target, int flags);
  }

  private static final long MS_RDONLY = 1;
  private static final long MS_REMOUNT = 32;
  private static final long MS_BIND = 4096;
  private static final long MS_REC = 16384;
  private static final long MS_PRIVATE = 1 << 18;
  private static final int MNT_DETACH = 2;
  private static final int PAGE = 4096;

  private final LibC libc;
  private final Path dir;
  private final Deque<Path> mounted = new ArrayDeque<>();
  private final Thread cleanup = new Thread(this::unmountAll, "cp-unmount");

  private StoppedRootfs(LibC libc, Path dir) {
    this.libc = libc;
    this.dir = dir;
  }

  /** Mounts the file system of the container of {@code bundle}; fails with one line. */
  static StoppedRootfs mount(ContainerBundle bundle) {
    RuntimePaths paths = RuntimePaths.fromEnvironment(System.getenv());
    String containerName = bundle.name();
    Path config = bundle.dir().resolve("config.json");
    JsonNode spec = bundle.spec();
    JsonNode annotations = spec.path("annotations");
    String lower = annotations.path(Annotations.OVERLAY_LOWER).asText("");
    String upper = annotations.path(Annotations.OVERLAY_UPPER).asText("");
    String work = annotations.path(Annotations.OVERLAY_WORK).asText("");
    if (lower.isEmpty() || upper.isEmpty() || work.isEmpty()) {
      throw new CliException(
          "container " + containerName + ": its bundle " + config + " names no overlay layers");
    }
    String data = "lowerdir=" + lower + ",upperdir=" + upper + ",workdir=" + work;
    if (data.length() >= PAGE) {
      throw new CliException(
          "container "
              + containerName
              + ": too many image layers to mount while it is stopped; start it and copy again");
    }
    LibC libc = LibraryLoader.create(LibC.class).load("c");
    String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    Path dir = paths.run().resolve("cp-" + suffix);
    StoppedRootfs rootfs = new StoppedRootfs(libc, dir);
    java.lang.Runtime.getRuntime().addShutdownHook(rootfs.cleanup);
    try {
      Files.createDirectories(dir);
      rootfs.mountOne("overlay", dir, "overlay", 0, data);
      // Our mounts must not spread to other mount namespaces, nor theirs to ours.
      rootfs.check(libc.mount("none", dir.toString(), null, MS_PRIVATE, null), "private", dir);
      for (JsonNode m : spec.path("mounts")) {
        rootfs.bind(m);
      }
      return rootfs;
    } catch (IOException | RuntimeException e) {
      rootfs.close();
      if (e instanceof CliException c) {
        throw c;
      }
      throw new CliException(
          "container " + containerName + ": mounting its file system: " + e.getMessage(), 1, e);
    }
  }

  /** The directory the container's {@code /} is mounted on. */
  ContainerRoot root() {
    return new ContainerRoot(dir);
  }

  /**
   * A bind mount of the container (a volume or a bind) at its target, made as the runtime makes it
   * at start: a missing mount point is created (a directory, or a file for a file), and a {@code
   * ro} mount is read-only here too.
   */
  private void bind(JsonNode m) throws IOException {
    boolean isBind = m.path("type").asText().equals("bind");
    for (JsonNode o : m.path("options")) {
      isBind |= o.asText().equals("bind") || o.asText().equals("rbind");
    }
    String source = m.path("source").asText("");
    String destination = m.path("destination").asText("");
    if (!isBind || source.isEmpty() || !destination.startsWith("/")) {
      return;
    }
    Path target = root().resolve(destination, true);
    Path from = Path.of(source);
    if (!Files.exists(from)) {
      return;
    }
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      // Else the copy would land in the overlay, hidden under the volume once the container runs.
      if (Files.isDirectory(from)) {
        Files.createDirectories(target);
      } else {
        Files.createDirectories(target.getParent());
        Files.createFile(target);
      }
    }
    mountOne(source, target, null, MS_BIND | MS_REC, null);
    if (ContainerBundle.isReadOnly(m)) {
      check(
          libc.mount(null, target.toString(), null, MS_BIND | MS_REMOUNT | MS_RDONLY, null),
          "read-only remount of " + source,
          target);
    }
  }

  private void mountOne(String source, Path target, String type, long flags, String data) {
    check(libc.mount(source, target.toString(), type, flags, data), "mounting " + source, target);
    mounted.push(target);
  }

  private void check(int rc, String what, Path target) {
    if (rc < 0) {
      int errno = LastError.getLastError(Runtime.getSystemRuntime());
      throw new CliException(what + " on " + target + " failed (errno " + errno + ")");
    }
  }

  @Override
  public void close() {
    unmountAll();
    try {
      java.lang.Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException e) {
      // Shutting down: the hook does the same.
    }
  }

  private synchronized void unmountAll() {
    while (!mounted.isEmpty()) {
      // Detach: a copy still holding a file open must not keep the mount alive for others.
      libc.umount2(mounted.pop().toString(), MNT_DETACH);
    }
    try {
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // An empty directory under the run dir is harmless; the next cp uses another name.
    }
  }
}
