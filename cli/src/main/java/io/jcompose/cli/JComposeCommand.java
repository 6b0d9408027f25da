package io.jcompose.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The root command: global options (as {@code docker compose} has them, before the verb) and the
 * list of verbs. Verbs reach the globals through {@link #of(CommandSpec)}.
 */
@Command(
    name = "jcompose",
    description = "Define and run multi-container applications without Docker.",
    versionProvider = VersionCommand.Provider.class,
    usageHelpAutoWidth = true,
    sortOptions = false,
    subcommandsRepeatable = false)
public final class JComposeCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "Compose configuration files (repeatable; '-' reads stdin).")
  List<String> files = new ArrayList<>();

  @Option(
      names = {"-p", "--project-name"},
      paramLabel = "NAME",
      description = "Project name.")
  String projectName;

  @Option(
      names = "--project-directory",
      paramLabel = "DIR",
      description = "Alternate working directory (default: the first compose file's directory).")
  Path projectDirectory;

  @Option(
      names = "--env-file",
      paramLabel = "FILE",
      description = "Alternate environment files (repeatable; replace .env).")
  List<Path> envFiles = new ArrayList<>();

  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      description = "Enable a profile (repeatable).")
  List<String> profiles = new ArrayList<>();

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description = "Maximum parallel operations (-1 unlimited; default COMPOSE_PARALLEL_LIMIT).")
  Integer parallel;

  @Option(
      names = "--progress",
      paramLabel = "MODE",
      description = "Progress output: auto, tty, plain, json, quiet (default: auto).")
  ProgressMode progress = ProgressMode.AUTO;

  @Option(
      names = "--ansi",
      paramLabel = "WHEN",
      description = "Control characters: never, always, auto (default: auto).")
  AnsiMode ansi = AnsiMode.AUTO;

  @Option(names = "--debug", description = "Show stack traces and daemon details on errors.")
  boolean debug;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Option(
      names = {"-v", "--version"},
      versionHelp = true,
      description = "Show the jcompose version and exit.")
  boolean version;

  @Override
  public void run() {
    // `jcompose` alone prints the usage, like docker compose.
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The root command of any command in the tree, for its global options. */
  static JComposeCommand of(CommandSpec anySpec) {
    return (JComposeCommand) anySpec.root().userObject();
  }

  /** The global options as one value. */
  GlobalOptions globals() {
    return new GlobalOptions(
        files, projectName, projectDirectory, envFiles, profiles, parallel, progress, ansi, debug);
  }

  /** The full command tree with error handling and exit codes installed. */
  static CommandLine commandLine() {
    return commandLine(null);
  }

  /**
   * The command tree for running {@code args}: only their verb is registered, to start fast; null
   * registers every verb.
   */
  static CommandLine commandLine(String[] args) {
    CommandLine cl = new CommandLine(new JComposeCommand());
    if (args == null) {
      Verbs.registerAll(cl);
    } else {
      Verbs.register(cl, args);
    }
    ErrorReporter reporter = new ErrorReporter(cl);
    cl.setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(reporter)
        .setParameterExceptionHandler(reporter);
    return cl;
  }
}
