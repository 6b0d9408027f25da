package io.jcompose.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One sample of {@code samples/} driven through the real {@code ./jcompose} launcher as a
 * subprocess, with a project name unique to the run and its own state directories (JCOMPOSE_ROOT /
 * JCOMPOSE_RUN under a temp dir), into which the sample images are imported. {@link #close()} takes
 * the stack down, stops this state's daemon and removes the state.
 */
final class SampleStack implements AutoCloseable {

  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);
  // The first build of the Debian images runs debootstrap: minutes, once per machine.
  private static final Duration IMAGE_BUILD_TIMEOUT = Duration.ofMinutes(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path repo;
  private final Path composeFile;
  private final String project;
  private final Path stateDir;
  private final Map<String, String> env = new HashMap<>();
  private final Set<String> containerIds = new LinkedHashSet<>();
  // A stack made by forComposeFile shares its owner's state: its close() leaves the daemon be.
  private final boolean ownsState;

  private SampleStack(Path repo, String sample, Path stateDir) {
    this(
        repo,
        repo.resolve("samples").resolve(sample).resolve("compose.yaml"),
        uniqueProject(sample),
        stateDir,
        true);
  }

  private SampleStack(
      Path repo, Path composeFile, String project, Path stateDir, boolean ownsState) {
    this.repo = repo;
    this.composeFile = composeFile;
    this.project = project;
    this.stateDir = stateDir;
    this.ownsState = ownsState;
    env.put("JCOMPOSE_ROOT", stateDir.resolve("root").toString());
    env.put("JCOMPOSE_RUN", stateDir.resolve("run").toString());
    // build.sh fails instead of only printing the imports when the CLI cannot import.
    env.put("JCOMPOSE_SAMPLES_REQUIRE_IMPORT", "1");
  }

  /** A stack for {@code samples/<sample>/compose.yaml} with fresh state directories. */
  static SampleStack of(String sample) throws IOException {
    Path repo = repoRoot();
    Path composeFile = repo.resolve("samples").resolve(sample).resolve("compose.yaml");
    if (!Files.isRegularFile(composeFile)) {
      throw new IllegalStateException(composeFile + " is missing");
    }
    return new SampleStack(repo, sample, Files.createTempDirectory("jcompose-e2e-"));
  }

  /**
   * Another project on this stack's state (same daemon, same imported images) for any compose file;
   * its {@link #close()} only takes that project down with its volumes. The owner stops the daemon.
   */
  SampleStack forComposeFile(Path otherComposeFile, String name) {
    SampleStack other =
        new SampleStack(repo, otherComposeFile, uniqueProject(name), stateDir, false);
    other.env.putAll(env);
    return other;
  }

  private static String uniqueProject(String name) {
    return "e2e"
        + name.replaceAll("[^a-z0-9]", "")
        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
  }

  /** A stack for any compose file (outside samples/) with fresh state directories it owns. */
  static SampleStack ofComposeFile(Path composeFile, String name) throws IOException {
    return new SampleStack(
        repoRoot(),
        composeFile,
        uniqueProject(name),
        Files.createTempDirectory("jcompose-e2e-"),
        true);
  }

  String project() {
    return project;
  }

  Path stateDir() {
    return stateDir;
  }

  /** Sets a variable of the environment the launcher sees (the samples' port variables). */
  SampleStack withEnv(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Builds (cached) and imports the named sample images into this stack's state. */
  CommandResult importImages(String... images) {
    List<String> command = new ArrayList<>();
    command.add(repo.resolve("samples/images/build.sh").toString());
    command.addAll(List.of(images));
    return run(command, IMAGE_BUILD_TIMEOUT);
  }

  /** {@code ./jcompose -f samples/<sample>/compose.yaml -p <project> ARGS...}. */
  CommandResult compose(String... args) {
    List<String> command = new ArrayList<>();
    command.add(launcher());
    command.addAll(List.of("-f", composeFile.toString(), "-p", project));
    command.addAll(List.of(args));
    return run(command, COMMAND_TIMEOUT);
  }

  /** {@link #compose} with {@code stdin} as the launcher's standard input. */
  CommandResult composeWithInput(String stdin, String... args) {
    List<String> command = new ArrayList<>();
    command.add(launcher());
    command.addAll(List.of("-f", composeFile.toString(), "-p", project));
    command.addAll(List.of(args));
    return run(command, COMMAND_TIMEOUT, stdin);
  }

  /**
   * {@link #compose} with the compose file given as {@code -f -} on standard input, the sample's
   * folder as the project directory.
   */
  CommandResult composeFromStdin(String... args) throws java.io.IOException {
    List<String> command = new ArrayList<>();
    command.add(launcher());
    command.addAll(
        List.of(
            "-f", "-", "--project-directory", composeFile.getParent().toString(), "-p", project));
    command.addAll(List.of(args));
    return run(command, COMMAND_TIMEOUT, Files.readString(composeFile));
  }

  /**
   * {@link #compose} inside a pseudo terminal made by util-linux {@code script}, so the launcher's
   * stdin and stdout are terminals; what the terminal showed comes back as stdout.
   */
  CommandResult composeInTerminal(String... args) {
    StringBuilder line = new StringBuilder("exec");
    List<String> argv = new ArrayList<>();
    argv.add(launcher());
    argv.addAll(List.of("-f", composeFile.toString(), "-p", project));
    argv.addAll(List.of(args));
    for (String a : argv) {
      line.append(" '").append(a.replace("'", "'\\''")).append('\'');
    }
    return run(List.of("script", "-q", "-e", "-c", line.toString(), "/dev/null"), COMMAND_TIMEOUT);
  }

  /**
   * {@link #composeInTerminal} in a terminal of 80x24 that a background job resizes to 123x45 once
   * the file {@code ready} appears in {@code readyDir} (the container touches it through a bind
   * mount): the launcher gets SIGWINCH as from a resized window.
   */
  CommandResult composeInResizingTerminal(Path readyDir, List<String> args, List<String> command)
      throws IOException {
    Path ready = readyDir.resolve("ready");
    Files.deleteIfExists(ready);
    List<String> argv = new ArrayList<>();
    argv.add(launcher());
    argv.addAll(List.of("-f", composeFile.toString(), "-p", project));
    argv.addAll(args);
    argv.addAll(command);
    StringBuilder line =
        new StringBuilder("stty cols 80 rows 24; (i=0; while [ ! -e ")
            .append(quote(ready.toString()))
            .append(" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done; sleep 0.3;")
            .append(" stty -F /dev/tty cols 123 rows 45) & exec");
    for (String a : argv) {
      line.append(' ').append(quote(a));
    }
    return run(List.of("script", "-q", "-e", "-c", line.toString(), "/dev/null"), COMMAND_TIMEOUT);
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** {@code ./jcompose ARGS...} without a project, for daemon and image commands. */
  CommandResult jcompose(String... args) {
    List<String> command = new ArrayList<>();
    command.add(launcher());
    command.addAll(List.of(args));
    return run(command, COMMAND_TIMEOUT);
  }

  /**
   * The containers of the project, every state, from {@code ps -a --format json} (one object a
   * line, or one array as older docker compose printed). Remembers their IDs for {@link
   * #leftoverNeedles()}.
   */
  List<JsonNode> containers() {
    CommandResult ps = compose("ps", "-a", "--format", "json");
    if (!ps.succeeded()) {
      throw new IllegalStateException(ps.describe());
    }
    List<JsonNode> nodes = new ArrayList<>();
    try {
      String out = ps.stdout().trim();
      if (out.startsWith("[")) {
        JSON.readTree(out).forEach(nodes::add);
      } else {
        for (String line : out.split("\n")) {
          if (!line.isBlank()) {
            nodes.add(JSON.readTree(line));
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("ps --format json printed no JSON: " + ps.describe(), e);
    }
    nodes.forEach(n -> containerIds.add(n.path("ID").asText()));
    return nodes;
  }

  /** Strings that name this stack's kernel objects: project name, state dir, container IDs. */
  List<String> leftoverNeedles() {
    List<String> needles = new ArrayList<>(List.of(project, stateDir.toString()));
    for (String id : containerIds) {
      if (id.length() >= 12) {
        needles.add(id.substring(0, 12));
      }
    }
    return needles;
  }

  /**
   * Takes the stack down with its volumes, stops the daemon of this state and deletes the state,
   * unless something is still mounted under it (deleting through a leftover bind mount could reach
   * the repository).
   */
  @Override
  public void close() throws IOException {
    if (!ownsState) {
      compose("down", "-v");
      return;
    }
    try {
      compose("down", "-v");
    } finally {
      jcompose("daemon", "stop");
      stopLeftoverDaemon();
      if (HostLeftovers.mountsMentioning(List.of(stateDir.toString())).isEmpty()) {
        try (Stream<Path> paths = Files.walk(stateDir)) {
          paths.sorted(Comparator.reverseOrder()).forEach(SampleStack::deleteQuietly);
        }
      }
    }
  }

  /**
   * Ends the daemon of this state if {@code daemon stop} left it running, by the pid it wrote: a
   * daemon whose state directory is deleted would otherwise run on unnoticed.
   */
  private void stopLeftoverDaemon() throws IOException {
    Path pidFile = stateDir.resolve("run").resolve("jcompose.pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    String pid = Files.readString(pidFile).trim();
    if (pid.matches("\\d+")) {
      ProcessHandle.of(Long.parseLong(pid))
          .filter(p -> p.info().commandLine().orElse("").contains("daemon"))
          .ifPresent(ProcessHandle::destroy);
    }
  }

  private String launcher() {
    return repo.resolve("jcompose").toString();
  }

  private CommandResult run(List<String> command, Duration timeout) {
    return run(command, timeout, null);
  }

  private CommandResult run(List<String> command, Duration timeout, String stdin) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile());
      builder.environment().putAll(env);
      Path out = Files.createTempFile(stateDir, "out", ".txt");
      Path err = Files.createTempFile(stateDir, "err", ".txt");
      builder.redirectOutput(out.toFile()).redirectError(err.toFile());
      Path in = Path.of("/dev/null");
      if (stdin != null) {
        in = Files.createTempFile(stateDir, "in", ".txt");
        Files.writeString(in, stdin);
      }
      builder.redirectInput(ProcessBuilder.Redirect.from(in.toFile()));
      Process process = builder.start();
      int exit;
      if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        exit = process.exitValue();
      } else {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        exit = -1;
        Files.writeString(
            err,
            "\n[timed out after " + timeout + "]\n",
            StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.APPEND);
      }
      String stdout = Files.readString(out);
      String stderr = Files.readString(err);
      Files.delete(out);
      Files.delete(err);
      if (stdin != null) {
        Files.delete(in);
      }
      return new CommandResult(command, exit, stdout, stderr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // a file the daemon still writes; the temp dir is left, which is harmless
    }
  }

  /** The repository root: the nearest ancestor of the working directory holding samples/. */
  private static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("samples")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("no repository root with samples/ above " + dir);
  }
}
