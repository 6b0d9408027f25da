package io.jcompose.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fast path of {@code ps} when {@code -p} names the project: the name is all the daemon needs,
 * so neither picocli's command tree nor the compose model nor an object mapper is built (together
 * most of the command's start-up). Only plain forms are taken: {@code -f FILE}, {@code -p NAME},
 * {@code --profile P}, then {@code ps} with {@code -a}, {@code -q}, {@code --services}, {@code
 * --status S}, {@code --format F}. Anything else (services to list, other options, combined flags,
 * help, a missing {@code -f} file, a name the model would reject) goes through {@link PsCommand},
 * which prints the same output and errors.
 */
final class LeanPs {

  private static final String VALID_NAME = "[a-z0-9][a-z0-9_-]*";
  private static final Set<String> FORMATS = Set.of("table", "json");

  final String project;
  final boolean all;
  final boolean quiet;
  final boolean servicesOnly;
  final List<String> status;
  final String format;

  private LeanPs(
      String project,
      boolean all,
      boolean quiet,
      boolean servicesOnly,
      List<String> status,
      String format) {
    this.project = project;
    this.all = all;
    this.quiet = quiet;
    this.servicesOnly = servicesOnly;
    this.status = List.copyOf(status);
    this.format = format;
  }

  /** The request when {@code args} is a plain {@code ps} this path takes, else empty. */
  static Optional<LeanPs> parse(String[] args) {
    String project = null;
    List<String> files = new ArrayList<>();
    int i = 0;
    for (; i < args.length && !args[i].equals("ps"); i++) {
      String arg = args[i];
      if (i + 1 >= args.length) {
        return Optional.empty();
      }
      switch (arg) {
        case "-p", "--project-name" -> {
          if (project != null) {
            return Optional.empty(); // picocli rejects a repeated single-value option
          }
          project = args[++i];
        }
        case "-f", "--file" -> files.add(args[++i]);
        case "--profile" -> i++;
        default -> {
          return Optional.empty();
        }
      }
    }
    if (i >= args.length || project == null || !project.matches(VALID_NAME)) {
      return Optional.empty();
    }
    for (String file : files) {
      // A missing file is an error the model reports; stdin is read by the model too.
      if (file.equals("-") || !Files.isRegularFile(Path.of(file))) {
        return Optional.empty();
      }
    }
    boolean all = false;
    boolean quiet = false;
    boolean servicesOnly = false;
    List<String> status = new ArrayList<>();
    String format = "table";
    Set<String> seen = new HashSet<>();
    for (i++; i < args.length; i++) {
      String arg = args[i];
      // picocli rejects a repeated single-value option; its error is the one to show.
      if (!arg.equals("--status") && !seen.add(canonical(arg))) {
        return Optional.empty();
      }
      switch (arg) {
        case "-a", "--all" -> all = true;
        case "-q", "--quiet" -> quiet = true;
        case "--services" -> servicesOnly = true;
        case "--status", "--format" -> {
          if (i + 1 >= args.length) {
            return Optional.empty();
          }
          if (arg.equals("--status")) {
            status.add(args[++i]);
          } else {
            format = args[++i];
          }
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    if (!FORMATS.contains(format)) {
      return Optional.empty();
    }
    return Optional.of(new LeanPs(project, all, quiet, servicesOnly, status, format));
  }

  private static String canonical(String option) {
    return switch (option) {
      case "-a" -> "--all";
      case "-q" -> "--quiet";
      default -> option;
    };
  }

  /** Lists the containers as {@link PsCommand} does; returns the exit code. */
  int run() {
    PrintWriter out = new PrintWriter(System.out, false);
    PrintWriter err = new PrintWriter(System.err, true);
    try {
      var rows =
          PsCommand.request(
              DaemonAccess.connect(err), project, List.of(), all || !status.isEmpty());
      PsCommand.render(rows, status, quiet, servicesOnly, format, out, DaemonAccess::mapper);
      return ExitCodes.OK;
    } catch (Exception e) {
      out.flush();
      err.println(UserMessages.lineFor(e));
      err.flush();
      return UserMessages.exitCodeFor(e);
    }
  }
}
