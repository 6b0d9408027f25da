package io.jcompose.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * A run that loads the classes a typical command needs without doing anything, so the launcher can
 * record them in a class-data-sharing archive once per build ({@code -XX:ArchiveClassesAtExit}).
 */
final class TrainingRun {

  /** The hidden argument the launcher passes. */
  static final String COMMAND = "__train";

  private TrainingRun() {}

  static void run() {
    CommandLine cl = JComposeCommand.commandLine();
    StringWriter sink = new StringWriter();
    cl.setOut(new PrintWriter(sink));
    cl.setErr(new PrintWriter(sink));
    cl.execute("--help");
    for (CommandLine sub : cl.getSubcommands().values()) {
      sub.getCommandSpec().commandLine().getUsageMessage();
    }
    cl.parseArgs("-p", "training", "--progress", "plain", "version");
    LeanVersion.text(BuildInfo.current());
  }
}
