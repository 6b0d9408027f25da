package io.jcompose.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.runtime.api.RuntimePaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds the daemon of this build, starting it in the background when its socket is absent or dead
 * and replacing a daemon of another build. Each start or restart prints one line on stderr.
 */
public final class DaemonConnector {

  private static final long START_TIMEOUT_MS = 30_000;
  private static final long POLL_MS = 15;

  private final RuntimePaths paths;
  private final String clientVersion;
  private final Supplier<List<String>> daemonCommand;
  private final PrintWriter err;
  private final Supplier<ObjectMapper> mapper;

  /**
   * @param paths where the daemon's socket and log live
   * @param clientVersion the full version the daemon must have
   * @param daemonCommand the command line that runs {@code jcompose daemon} in the foreground
   * @param err where the one-line notices go
   * @param mapper the API's JSON mapper
   */
  public DaemonConnector(
      RuntimePaths paths,
      String clientVersion,
      List<String> daemonCommand,
      PrintWriter err,
      ObjectMapper mapper) {
    this(paths, clientVersion, () -> daemonCommand, err, () -> mapper);
  }

  /**
   * As above, with the daemon's command line and the mapper made only when needed: finding a
   * running daemon needs neither.
   */
  public DaemonConnector(
      RuntimePaths paths,
      String clientVersion,
      Supplier<List<String>> daemonCommand,
      PrintWriter err,
      Supplier<ObjectMapper> mapper) {
    this.paths = paths;
    this.clientVersion = clientVersion;
    this.daemonCommand = daemonCommand;
    this.err = err;
    this.mapper = mapper;
  }

  /** A client of a running daemon of this build; starts or replaces the daemon as needed. */
  public DaemonClient connect() {
    DaemonClient client =
        new DaemonClient(new UnixHttpClient(paths.socket()), clientVersion, mapper);
    Optional<JsonNode> running = probe(client);
    if (running.isPresent() && clientVersion.equals(running.get().path("version").asText())) {
      return client;
    }
    if (running.isPresent()) {
      notice(
          "restarting the daemon: it is "
              + running.get().path("version").asText()
              + ", this client is "
              + clientVersion);
      stop(client, running.get().path("pid").asLong());
    } else {
      notice("starting the daemon in the background (log: " + logFile() + ")");
    }
    start(client);
    return client;
  }

  /** A client of the running daemon, without starting one; empty when none answers. */
  public Optional<DaemonClient> existing() {
    DaemonClient client =
        new DaemonClient(new UnixHttpClient(paths.socket()), clientVersion, mapper);
    return probe(client).map(v -> client);
  }

  /**
   * A client of the socket where a daemon listens when one runs, without asking it anything: for
   * {@link DaemonClient#callJsonIfCurrent}, which finds out on the call itself whether a daemon of
   * this build answers (one round trip fewer than {@link #connect}).
   */
  public DaemonClient unchecked() {
    return new DaemonClient(new UnixHttpClient(paths.socket()), clientVersion, mapper);
  }

  /**
   * Asks the daemon to stop and waits until its process has exited.
   *
   * @return false when no daemon was running
   */
  public boolean stopRunning() {
    DaemonClient client =
        new DaemonClient(new UnixHttpClient(paths.socket()), clientVersion, mapper);
    Optional<JsonNode> running = probe(client);
    if (running.isEmpty()) {
      return false;
    }
    stop(client, running.get().path("pid").asLong());
    return true;
  }

  private Optional<JsonNode> probe(DaemonClient client) {
    if (!Files.exists(paths.socket())) {
      return Optional.empty();
    }
    try {
      return Optional.of(client.version());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private void stop(DaemonClient client, long pid) {
    try {
      client.requestStop();
    } catch (IOException e) {
      // It may have exited between the probe and now; the wait below settles it.
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty()) {
      return;
    }
    try {
      process.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      process.get().destroyForcibly();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new DaemonException("unavailable", "could not wait for the daemon to stop", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DaemonException("unavailable", "interrupted while stopping the daemon", e);
    }
  }

  private void start(DaemonClient client) {
    Process process = spawn();
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
    long exitedAt = 0;
    while (System.currentTimeMillis() < deadline) {
      Optional<JsonNode> running = probe(client);
      if (running.isPresent() && clientVersion.equals(running.get().path("version").asText())) {
        return;
      }
      if (!process.isAlive()) {
        // Another client may have started the same daemon a moment earlier; give it a moment.
        exitedAt = exitedAt == 0 ? System.currentTimeMillis() : exitedAt;
        if (System.currentTimeMillis() - exitedAt > 3_000) {
          throw new DaemonException(
              "unavailable",
              "the daemon exited during start-up (code "
                  + process.exitValue()
                  + "): "
                  + lastLogLine().orElse("see " + logFile()));
        }
      }
      sleep();
    }
    throw new DaemonException(
        "unavailable",
        "the daemon did not answer on "
            + paths.socket()
            + " within "
            + START_TIMEOUT_MS / 1000
            + " s; see "
            + logFile());
  }

  private Process spawn() {
    try {
      Files.createDirectories(paths.run());
      Path log = logFile();
      return new ProcessBuilder(List.copyOf(daemonCommand.get()))
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .redirectErrorStream(true)
          .start();
    } catch (IOException e) {
      throw new DaemonException(
          "unavailable", "cannot start the daemon (" + e.getMessage() + ")", e);
    }
  }

  private Optional<String> lastLogLine() {
    try {
      List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank()) {
          return Optional.of(lines.get(i).strip());
        }
      }
    } catch (IOException e) {
      // No log to quote: the caller names the file instead.
    }
    return Optional.empty();
  }

  /** The daemon's log when the CLI starts it. */
  public Path logFile() {
    return paths.run().resolve("jcompose.log");
  }

  private void notice(String line) {
    err.println("jcompose: " + line);
    err.flush();
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DaemonException("unavailable", "interrupted while starting the daemon", e);
    }
  }
}
