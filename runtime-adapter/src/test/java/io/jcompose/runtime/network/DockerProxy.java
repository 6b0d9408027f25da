package io.jcompose.runtime.network;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Docker's userland proxy ({@code /usr/sbin/docker-proxy} from the docker.io package) run on its
 * own, without dockerd, for the benchmark's side-by-side figures. It reports readiness on fd 3 ("0"
 * or "1" and an error), so it is started through a shell that points fd 3 at its stdout.
 */
final class DockerProxy implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/sbin/docker-proxy");
  private final Process process;
  private final int port;

  private DockerProxy(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  /** Listens on 127.0.0.1:(free port) and forwards to {@code containerIp}:{@code port}. */
  static DockerProxy start(String containerIp, int containerPort) throws IOException {
    int hostPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      hostPort = s.getLocalPort();
    }
    String cmd =
        "exec "
            + BINARY
            + " -proto tcp -host-ip 127.0.0.1 -host-port "
            + hostPort
            + " -container-ip "
            + containerIp
            + " -container-port "
            + containerPort
            + " 3>&1";
    Process p = new ProcessBuilder("/bin/sh", "-c", cmd).redirectErrorStream(true).start();
    byte[] ready = p.getInputStream().readNBytes(1);
    if (ready.length != 1 || ready[0] != '0') {
      String rest = new String(p.getInputStream().readNBytes(200), StandardCharsets.UTF_8);
      p.destroyForcibly();
      throw new IOException("docker-proxy did not start: " + new String(ready) + rest);
    }
    return new DockerProxy(p, hostPort);
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    process.destroy();
  }
}
