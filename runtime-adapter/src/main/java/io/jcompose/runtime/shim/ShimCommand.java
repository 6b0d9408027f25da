package io.jcompose.runtime.shim;

import io.jcompose.runtime.api.ExecResult;
import io.jcompose.runtime.api.ExecSpec;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the shim binary: {@code run} to start a container (through a long-lived spawner, see {@link
 * ShimSpawner}), {@code exec} to enter one. Blocking.
 */
public final class ShimCommand implements AutoCloseable {
  private static final Pattern STARTED = Pattern.compile("pid=(\\d+) shim=(\\d+)");
  private static final int OUTPUT_LIMIT = 4096;

  /** System property: {@code false} starts each shim as a process of its own (no spawner). */
  public static final String SPAWNER_PROPERTY = "jcompose.shim.spawner";

  private final Path binary;
  private final ShimSpawner spawner;

  public ShimCommand(Path binary) {
    this.binary = binary;
    this.spawner = new ShimSpawner(binary);
  }

  /** The installed binary. */
  public Path binary() {
    return binary;
  }

  /** Starts the container of a bundle; fails with the shim's one-line error. */
  public ShimStart run(Path bundle, Path stateDir) {
    return run(bundle, stateDir, List.of());
  }

  /**
   * Starts the container of a bundle with extra {@code run} options (the stdio of an interactive
   * run: {@code --stdin/--stdout/--stderr PATH} or {@code --tty PATH}).
   */
  public ShimStart run(Path bundle, Path stateDir, List<String> options) {
    List<String> args =
        new ArrayList<>(
            List.of("run", "--bundle", bundle.toString(), "--state", stateDir.toString()));
    args.addAll(options);
    if (!Boolean.parseBoolean(System.getProperty(SPAWNER_PROPERTY, "true"))) {
      return runProcess(args);
    }
    Optional<List<String>> report;
    try {
      report = spawner.run(args);
    } catch (IOException e) {
      throw new RuntimeFailure("asking the shim spawner for a start: " + e.getMessage(), e);
    }
    return report.isPresent() ? fromReport(report.get()) : runProcess(args);
  }

  /** A start from the monitor's report lines: "W text"…, then "P pid=N shim=M" or "E text". */
  private static ShimStart fromReport(List<String> lines) {
    List<String> warnings = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Matcher started = null;
    for (String line : lines) {
      String text = line.length() > 2 ? line.substring(2) : "";
      if (line.startsWith("W ")) {
        warnings.add(text);
      } else if (line.startsWith("E ")) {
        errors.add(text);
      } else if (line.startsWith("P ")) {
        Matcher m = STARTED.matcher(text);
        started = m.find() ? m : started;
      }
    }
    if (started == null) {
      throw new RuntimeFailure(
          errors.isEmpty()
              ? "the shim's monitor ended without a report"
              : String.join("; ", errors));
    }
    return new ShimStart(
        Integer.parseInt(started.group(1)), Integer.parseInt(started.group(2)), warnings);
  }

  /** The start through a process of its own: when no spawner can be started. */
  private ShimStart runProcess(List<String> args) {
    List<String> argv = new ArrayList<>();
    argv.add(binary.toString());
    argv.addAll(args);
    Process process = start(argv, false);
    String out = drain(process.getInputStream(), Integer.MAX_VALUE);
    String err = drain(process.getErrorStream(), Integer.MAX_VALUE);
    Matcher m = STARTED.matcher(out);
    // The report line is only printed on success (exit 0): waiting for the JVM's reaper thread to
    // notice the exit would add a thread hand-off to every start; it reaps the process anyway.
    boolean started = m.find();
    int code = started ? 0 : waitFor(process, 0);
    List<String> warnings = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String line : err.split("\n")) {
      if (line.startsWith("warning: ")) {
        warnings.add(line.substring("warning: ".length()));
      } else if (!line.isBlank()) {
        errors.add(line);
      }
    }
    if (code != 0 || !started) {
      throw new RuntimeFailure(
          errors.isEmpty() ? "the shim failed with exit code " + code : String.join("; ", errors));
    }
    return new ShimStart(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), warnings);
  }

  /** Runs a command in the running container; output is stdout and stderr together, truncated. */
  public ExecResult exec(Path stateDir, ExecSpec spec) {
    List<String> argv = execArgv(stateDir, spec);
    Process process = start(argv, true);
    String out = drain(process.getInputStream(), OUTPUT_LIMIT);
    int code = waitFor(process, 0);
    if (code == 125) {
      throw new RuntimeFailure("exec " + String.join(" ", spec.command()) + ": " + out.trim());
    }
    return new ExecResult(code, out, code == 124 && spec.timeout() != null);
  }

  /**
   * Starts a command in the running container with its stdio on pipes the caller owns. With a tty
   * the shim runs under util-linux {@code script}, which gives it a pseudo terminal (sized from the
   * spec's {@code COLUMNS} and {@code LINES}) and relays it to the pipes.
   */
  public Process execAttached(Path stateDir, ExecSpec spec) {
    List<String> argv = execArgv(stateDir, spec.tty() ? withoutSize(spec) : spec);
    if (spec.tty()) {
      // The command's own terminal comes from the container's devpts (a /dev/pts/N it can see);
      // the shim relays it to the one script gives it.
      argv.add(argv.indexOf("exec") + 1, "--tty");
      StringBuilder line = new StringBuilder();
      String cols = spec.environment().get("COLUMNS");
      String rows = spec.environment().get("LINES");
      if (cols != null && rows != null && cols.matches("\\d+") && rows.matches("\\d+")) {
        line.append("stty cols ").append(cols).append(" rows ").append(rows).append("; ");
      }
      line.append("exec");
      for (String a : argv) {
        line.append(" '").append(a.replace("'", "'\\''")).append('\'');
      }
      argv = List.of("script", "-q", "-e", "-f", "-c", line.toString(), "/dev/null");
    }
    try {
      return new ProcessBuilder(argv).start();
    } catch (IOException e) {
      throw new RuntimeFailure("starting " + argv.get(0) + ": " + e.getMessage(), e);
    }
  }

  /**
   * The spec without the size entries that only size the terminal: left in the command's
   * environment they would win over the terminal's real size after a resize (busybox prefers them).
   */
  private static ExecSpec withoutSize(ExecSpec spec) {
    Map<String, String> env = new java.util.HashMap<>(spec.environment());
    env.remove("COLUMNS");
    env.remove("LINES");
    return new ExecSpec(
        spec.command(), env, spec.user(), spec.workingDir(), spec.tty(), spec.timeout());
  }

  private List<String> execArgv(Path stateDir, ExecSpec spec) {
    List<String> argv =
        new ArrayList<>(List.of(binary.toString(), "exec", "--state", stateDir.toString()));
    for (Map.Entry<String, String> e : spec.environment().entrySet()) {
      argv.add("--env");
      argv.add(e.getKey() + "=" + e.getValue());
    }
    if (spec.user() != null) {
      argv.add("--user");
      argv.add(spec.user());
    }
    if (spec.workingDir() != null) {
      argv.add("--cwd");
      argv.add(spec.workingDir());
    }
    if (spec.timeout() != null) {
      argv.add("--timeout");
      argv.add(Double.toString(spec.timeout().toNanos() / 1e9));
    }
    argv.add("--");
    argv.addAll(spec.command());
    return argv;
  }

  private static Process start(List<String> argv, boolean mergeErrors) {
    try {
      ProcessBuilder pb = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.PIPE);
      pb.redirectErrorStream(mergeErrors);
      Process p = pb.start();
      p.getOutputStream().close();
      return p;
    } catch (IOException e) {
      throw new RuntimeFailure("starting " + argv.get(0) + ": " + e.getMessage(), e);
    }
  }

  /** Reads a stream to its end, keeping at most limit bytes (the rest is read and dropped). */
  private static String drain(InputStream in, int limit) {
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        int room = limit - kept.size();
        if (room > 0) {
          kept.write(buf, 0, Math.min(room, n));
        }
      }
    } catch (IOException e) {
      throw new RuntimeFailure("reading the shim's output: " + e.getMessage(), e);
    }
    return kept.toString(StandardCharsets.UTF_8);
  }

  /** Ends the spawner; containers and their monitors keep running. */
  @Override
  public void close() {
    spawner.close();
  }

  private static int waitFor(Process process, long timeoutMillis) {
    try {
      if (timeoutMillis > 0 && !process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new RuntimeFailure("interrupted while waiting for the shim", e);
    }
  }
}
