package io.jcompose.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fast path of the plain {@code up} and {@code down} forms scripts and benchmarks use ({@code
 * -f FILE -p NAME up -d}, {@code down}): the command object is filled in directly, without building
 * picocli's command tree (a quarter of such a command's start-up). It takes the global options
 * {@code -f}, {@code -p}, {@code --project-directory}, {@code --env-file}, {@code --profile} as
 * separate words, and only the flags listed below; anything else — services, other options,
 * combined or {@code --opt=value} forms, help — goes through picocli, which runs the same command
 * code.
 */
final class LeanVerbs {

  /** Globals and output streams of a command run without picocli. */
  record Streams(GlobalOptions globals, PrintWriter out, PrintWriter err) {}

  private LeanVerbs() {}

  /** The command {@code args} name, filled in, when this path takes it; else empty. */
  static Optional<ProjectCommand> parse(String[] args) {
    List<String> files = new ArrayList<>();
    List<Path> envFiles = new ArrayList<>();
    List<String> profiles = new ArrayList<>();
    String project = null;
    Path projectDirectory = null;
    int i = 0;
    for (; i < args.length && args[i].startsWith("-"); i += 2) {
      if (i + 1 >= args.length) {
        return Optional.empty();
      }
      String value = args[i + 1];
      switch (args[i]) {
        case "-f", "--file" -> files.add(value);
        case "--env-file" -> envFiles.add(Path.of(value));
        case "--profile" -> profiles.add(value);
        case "-p", "--project-name" -> {
          if (project != null) {
            return Optional.empty(); // picocli's error for a repeated option is the one to show
          }
          project = value;
        }
        case "--project-directory" -> {
          if (projectDirectory != null) {
            return Optional.empty();
          }
          projectDirectory = Path.of(value);
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    if (i >= args.length) {
      return Optional.empty();
    }
    List<String> flags = List.of(args).subList(i + 1, args.length);
    if (flags.stream().distinct().count() != flags.size()) {
      return Optional.empty();
    }
    Optional<ProjectCommand> command =
        switch (args[i]) {
          case "up" -> up(flags);
          case "down" -> down(flags);
          default -> Optional.empty();
        };
    GlobalOptions globals =
        new GlobalOptions(
            files,
            project,
            projectDirectory,
            envFiles,
            profiles,
            null,
            ProgressMode.AUTO,
            AnsiMode.AUTO,
            false);
    command.ifPresent(c -> c.leanGlobals = globals);
    return command;
  }

  private static Optional<ProjectCommand> up(List<String> flags) {
    UpCommand up = new UpCommand();
    Set<String> seen = new HashSet<>();
    for (String flag : flags) {
      switch (flag) {
        case "-d", "--detach" -> up.detach = true;
        case "--wait" -> up.waitReady = true;
        case "--remove-orphans" -> up.removeOrphans = true;
        case "--force-recreate" -> up.forceRecreate = true;
        default -> {
          return Optional.empty();
        }
      }
      if (!seen.add(flag.equals("-d") ? "--detach" : flag)) {
        return Optional.empty();
      }
    }
    // In the foreground `up` follows logs and handles Ctrl-C: left to the full path.
    return up.detach || up.waitReady ? Optional.of(up) : Optional.empty();
  }

  private static Optional<ProjectCommand> down(List<String> flags) {
    DownCommand down = new DownCommand();
    Set<String> seen = new HashSet<>();
    for (String flag : flags) {
      switch (flag) {
        case "-v", "--volumes" -> down.volumes = true;
        case "--remove-orphans" -> down.removeOrphans = true;
        default -> {
          return Optional.empty();
        }
      }
      if (!seen.add(flag.equals("-v") ? "--volumes" : flag)) {
        return Optional.empty();
      }
    }
    return Optional.of(down);
  }

  /** Runs the command; failures become one line and an exit code, as {@link ErrorReporter} does. */
  static int run(ProjectCommand command) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    try {
      Integer code = command.callWithout(new Streams(command.leanGlobals, out, err));
      out.flush();
      return code == null ? ExitCodes.OK : code;
    } catch (Exception e) {
      out.flush();
      err.println(UserMessages.lineFor(e));
      err.flush();
      return UserMessages.exitCodeFor(e);
    }
  }
}
