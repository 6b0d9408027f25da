package io.jcompose.cli;

import io.jcompose.runtime.api.RuntimePaths;
import io.jcompose.scheduler.daemon.Daemon;
import io.jcompose.scheduler.daemon.DaemonBackends;
import io.jcompose.scheduler.daemon.DaemonConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose daemon}: runs the daemon in the foreground (for a service manager; the CLI starts
 * it in the background by itself). SIGTERM or {@code jcompose daemon stop} ends it; containers keep
 * running.
 */
@Command(
    name = "daemon",
    description = "Run the jcompose daemon in the foreground.",
    subcommands = {DaemonStopCommand.class, DaemonStatusCommand.class})
final class DaemonCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return runForeground(spec.commandLine().getOut());
  }

  /**
   * Runs the daemon until it is stopped; {@code jcompose daemon} with no other argument comes here
   * straight from {@link Main}, without picocli's command tree (a quarter of a second of the
   * daemon's start, which every first command after a boot waits for).
   */
  static int runForeground(PrintWriter out) throws Exception {
    RuntimePaths paths = RuntimePaths.fromEnvironment(System.getenv());
    String version = BuildInfo.current().fullVersion();
    Daemon daemon;
    try {
      daemon =
          Daemon.start(new DaemonConfig(paths, version, DaemonBackends.standard(System.getenv())))
              .toCompletionStage()
              .toCompletableFuture()
              .get();
    } catch (ExecutionException e) {
      throw new CliException(ErrorReporter.oneLine(e.getCause().getMessage()), e.getCause());
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(daemon), "daemon-stop"));
    out.println(
        "jcompose daemon "
            + version
            + " listening on "
            + paths.socket()
            + " (pid "
            + ProcessHandle.current().pid()
            + ")");
    out.flush();
    daemon.stopped().toCompletionStage().toCompletableFuture().get();
    out.println("jcompose daemon stopped");
    out.flush();
    return ExitCodes.OK;
  }

  private static void closeQuietly(Daemon daemon) {
    try {
      daemon.close().toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // The JVM is exiting; the next daemon cleans up whatever was left.
    }
  }
}
