package io.jcompose.cli;

import io.jcompose.cli.client.DaemonClient;
import io.jcompose.cli.client.DaemonConnector;
import io.jcompose.runtime.api.RuntimePaths;
import io.jcompose.scheduler.api.EngineJson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How commands reach the daemon: the paths, this build's version and how to start a daemon. */
final class DaemonAccess {

  private static final String SETSID = "/usr/bin/setsid";

  private DaemonAccess() {}

  /** A client of this build's daemon, started in the background when needed. */
  static DaemonClient connect(PrintWriter err) {
    return connector(err).connect();
  }

  static DaemonConnector connector(PrintWriter err) {
    return new DaemonConnector(
        RuntimePaths.fromEnvironment(System.getenv()),
        BuildInfo.current().fullVersion(),
        DaemonAccess::daemonCommand,
        err,
        EngineJson::mapper);
  }

  /** The API's object mapper, built on first use. */
  static com.fasterxml.jackson.databind.ObjectMapper mapper() {
    return EngineJson.mapper();
  }

  /**
   * {@code jcompose daemon} run by the same java with the same class path, in its own session so
   * the terminal's Ctrl-C and hang-up do not reach it.
   */
  static List<String> daemonCommand() {
    List<String> cmd = new ArrayList<>();
    if (Files.isExecutable(Path.of(SETSID))) {
      cmd.add(SETSID);
    }
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Xshare:auto");
    // The launcher records the classes a daemon loads at start once per build (Vert.x, Netty).
    String archive = System.getenv("JCOMPOSE_DAEMON_CDS");
    if (archive != null && Files.isReadable(Path.of(archive))) {
      cmd.add("-XX:SharedArchiveFile=" + archive);
      cmd.add("-Xlog:cds=off");
      cmd.add("-Xlog:cds+dynamic=off");
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.add("daemon");
    return cmd;
  }
}
