package io.jcompose.runtime.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs shell commands for integration tests, inside a network namespace when asked. */
final class Shell {
  private Shell() {}

  record Out(int exit, String text) {}

  static Out sh(String script) {
    try {
      Process p = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true).start();
      p.getOutputStream().close();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Out(-1, "timeout: " + script);
      }
      return new Out(
          p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs inside the namespace with the container's hosts and resolv.conf bind-mounted. */
  static Out in(io.jcompose.runtime.api.NetworkDriver.Attachment a, String command) {
    return sh(
        "nsenter --net="
            + a.netns()
            + " unshare -m /bin/sh -c '"
            + "mount --bind "
            + a.resolvConf()
            + " /etc/resolv.conf && "
            + "mount --bind "
            + a.hostsFile()
            + " /etc/hosts && "
            + command.replace("'", "'\\''")
            + "'");
  }

  /** Runs in the namespace file only (host files). */
  static Out inNetns(Path netns, String command) {
    return sh("nsenter --net=" + netns + " /bin/sh -c '" + command.replace("'", "'\\''") + "'");
  }
}
