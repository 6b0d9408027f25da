package io.jcompose.runtime.registry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code docker-registry} started for a test: storage in a temp directory, listening on
 * 127.0.0.1 at a free port, optionally behind htpasswd or token auth. Images get in with {@link
 * #push} (skopeo from an OCI layout). {@link #close} stops the process it started.
 */
final class LoopbackRegistry implements AutoCloseable {

  /** How the registry authenticates. */
  sealed interface Auth {}

  record NoAuth() implements Auth {}

  /** htpasswd (bcrypt) users. */
  record Htpasswd(String user, String password) implements Auth {}

  /** Bearer tokens from {@code realm}, signed by the key of {@code certBundle}. */
  record Token(String realm, String service, String issuer, Path certBundle) implements Auth {}

  private final Path dir;
  private final int port;
  private final Process process;

  private LoopbackRegistry(Path dir, int port, Process process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  static LoopbackRegistry start(Path dir, Auth auth) throws IOException, InterruptedException {
    int port = freePort();
    Path storage = Files.createDirectories(dir.resolve("storage"));
    StringBuilder yaml = new StringBuilder();
    yaml.append("version: 0.1\n")
        .append("log:\n  level: info\n  accesslog:\n    disabled: false\n")
        .append("storage:\n  filesystem:\n    rootdirectory: ")
        .append(storage)
        .append("\n  delete:\n    enabled: true\n")
        .append("http:\n  addr: 127.0.0.1:")
        .append(port)
        .append("\n");
    if (auth instanceof Htpasswd h) {
      Path file = dir.resolve("htpasswd");
      run(List.of("htpasswd", "-Bbc", file.toString(), h.user(), h.password()));
      yaml.append("auth:\n  htpasswd:\n    realm: jcompose-test\n    path: ")
          .append(file)
          .append("\n");
    } else if (auth instanceof Token t) {
      yaml.append("auth:\n  token:\n    realm: ")
          .append(t.realm())
          .append("\n    service: ")
          .append(t.service())
          .append("\n    issuer: ")
          .append(t.issuer())
          .append("\n    rootcertbundle: ")
          .append(t.certBundle())
          .append("\n");
    }
    Path config = dir.resolve("config.yml");
    Files.writeString(config, yaml);
    Process process =
        new ProcessBuilder("docker-registry", "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("registry.log").toFile())
            .start();
    LoopbackRegistry registry = new LoopbackRegistry(dir, port, process);
    registry.awaitListening();
    return registry;
  }

  private void awaitListening() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            "docker-registry exited: " + Files.readString(dir.resolve("registry.log")));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    close();
    throw new IOException("docker-registry did not listen on 127.0.0.1:" + port);
  }

  int port() {
    return port;
  }

  /** {@code 127.0.0.1:PORT}, the registry part of references. */
  String host() {
    return "127.0.0.1:" + port;
  }

  /**
   * Pushes {@code oci:LAYOUT:tag} to {@code repository:tag}, keeping digests; {@code all} pushes
   * every platform of an index.
   */
  void push(Path layout, String tag, String repository, boolean all, String creds)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("skopeo", "--insecure-policy", "copy", "-q"));
    cmd.addAll(List.of("--dest-tls-verify=false", "--preserve-digests"));
    if (all) {
      cmd.add("--all");
    }
    if (creds != null) {
      cmd.add("--dest-creds=" + creds);
    }
    cmd.add("oci:" + layout + ":" + tag);
    cmd.add("docker://" + host() + "/" + repository + ":" + tag);
    run(cmd);
  }

  static void run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  String log() throws IOException {
    return Files.readString(dir.resolve("registry.log"));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
