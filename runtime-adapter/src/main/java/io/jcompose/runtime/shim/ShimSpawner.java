package io.jcompose.runtime.shim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A long-lived {@code jcompose-shim spawner} process that forks container monitors on request over
 * a unix socket: a container start then costs no JVM process spawn (posix_spawn, jspawnhelper, an
 * exec of the shim and a relay process). The monitors run in their own sessions and outlive the
 * spawner; it exits when this JVM closes its stdin (or dies), and a dead one is started again on
 * the next request.
 */
final class ShimSpawner implements AutoCloseable {
  /** One started spawner: its process, the pipe whose end tells it to exit, its socket's dir. */
  private record Running(Process process, OutputStream keepAlive, Path dir) {
    Path socket() {
      return dir.resolve("s");
    }
  }

  private final Path binary;
  private Running current;

  ShimSpawner(Path binary) {
    this.binary = binary;
  }

  /**
   * Sends one {@code run} request (its arguments without the binary) and returns the monitor's
   * report lines, or empty when no spawner could take it: nothing was started then and the caller
   * may run the shim itself. Blocks until the monitor has reported.
   */
  Optional<List<String>> run(List<String> args) throws IOException {
    for (int attempt = 0; attempt < 2; attempt++) {
      Running spawner = running();
      if (spawner == null) {
        return Optional.empty();
      }
      List<String> lines = request(spawner.socket(), args);
      if (lines != null) {
        return Optional.of(lines);
      }
      // Not accepted: that spawner is gone (killed, crashed). Start a new one and ask once more.
      stop(spawner);
    }
    return Optional.empty();
  }

  /**
   * The report lines after the "A" (accepted) line, or null when no process accepted the request.
   */
  private static List<String> request(Path socket, List<String> args) throws IOException {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      try {
        ch.connect(UnixDomainSocketAddress.of(socket));
      } catch (IOException e) {
        return null;
      }
      StringBuilder req = new StringBuilder();
      for (String a : args) {
        req.append(a).append('\0');
      }
      ByteBuffer out = StandardCharsets.UTF_8.encode(req.toString());
      while (out.hasRemaining()) {
        ch.write(out);
      }
      ch.shutdownOutput();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
      if (!"A".equals(in.readLine())) {
        return null;
      }
      List<String> lines = new ArrayList<>();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
      return lines;
    }
  }

  /** A running spawner, started when needed; null when none can be started. */
  private synchronized Running running() {
    if (current != null && current.process().isAlive()) {
      return current;
    }
    if (current != null) {
      stop(current);
    }
    Path dir = null;
    Process process = null;
    try {
      dir =
          Files.createTempDirectory(
              "jcompose-spawner",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      dir.toFile().deleteOnExit();
      process =
          new ProcessBuilder(binary.toString(), "spawner", "--socket", dir.resolve("s").toString())
              .redirectErrorStream(true)
              .start();
      Running started = new Running(process, process.getOutputStream(), dir);
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      if (!"ready".equals(out.readLine())) {
        stop(started);
        return null;
      }
      current = started;
      return started;
    } catch (IOException e) {
      if (process != null) {
        process.destroy();
      }
      deleteDir(dir);
      return null;
    }
  }

  /** Ends a spawner (it exits at end of file on its stdin); monitors it forked keep running. */
  private synchronized void stop(Running spawner) {
    if (current == spawner) {
      current = null;
    }
    try {
      spawner.keepAlive().close();
      spawner.process().getInputStream().close();
    } catch (IOException e) {
      // The spawner is gone already.
    }
    deleteDir(spawner.dir());
  }

  private static void deleteDir(Path dir) {
    if (dir == null) {
      return;
    }
    try {
      Files.deleteIfExists(dir.resolve("s"));
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // An empty directory left in the temp dir; deleteOnExit tries again.
    }
  }

  @Override
  public synchronized void close() {
    if (current != null) {
      stop(current);
    }
  }
}
