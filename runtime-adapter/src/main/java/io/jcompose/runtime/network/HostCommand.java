package io.jcompose.runtime.network;

import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one host program ({@code ip}, {@code nft}, {@code sh}) to completion, feeding a script on
 * standard input. Called from worker threads only: it blocks.
 */
final class HostCommand {
  private HostCommand() {}

  /** Runs and returns standard output; a non-zero exit throws with the program's own message. */
  static String run(String what, String stdin, String... argv) {
    return check(what, tryRun(stdin, argv));
  }

  /** The standard output of a finished program; a non-zero exit throws with its own message. */
  static String check(String what, Result r) {
    if (r.exit != 0) {
      throw new RuntimeFailure(what + ": " + firstLine(r.stderr.isBlank() ? r.stdout : r.stderr));
    }
    return r.stdout;
  }

  /** Runs a POSIX shell script; a non-zero exit throws. */
  static String shell(String what, String script) {
    return run(what, null, "/bin/sh", "-c", script);
  }

  /** Runs and reports the result without throwing. */
  static Result tryRun(String stdin, String... argv) {
    List<String> cmd = new ArrayList<>(List.of(argv));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    try {
      Process p = pb.start();
      try (OutputStream in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      byte[] err;
      byte[] out;
      try (InputStream o = p.getInputStream();
          InputStream e = p.getErrorStream()) {
        // Outputs are tiny (error lines, a rule listing); reading them in turn cannot deadlock.
        out = o.readAllBytes();
        err = e.readAllBytes();
      }
      int exit = p.waitFor();
      return new Result(
          exit, new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new RuntimeFailure("cannot run " + argv[0] + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuntimeFailure("interrupted while running " + argv[0], e);
    }
  }

  /** Whether a program is on the usual sbin/bin paths. */
  static boolean available(String program) {
    for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin", "/usr/local/sbin")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(String text) {
    String t = text.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }

  record Result(int exit, String stdout, String stderr) {}
}
