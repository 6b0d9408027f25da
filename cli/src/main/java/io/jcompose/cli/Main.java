package io.jcompose.cli;

import java.io.PrintWriter;

/** Entry point of the {@code jcompose} command. */
public final class Main {

  private Main() {}

  private static void trainDaemon() {
    try {
      DaemonTrainingRun.run();
      System.exit(ExitCodes.OK);
    } catch (Exception e) {
      // Only the archive gets smaller; the launcher ignores this run's outcome.
      System.exit(ExitCodes.ERROR);
    }
  }

  /**
   * Names the JDK's own selector provider so the first socket does not search every jar of the
   * class path (about fifty) for another one, a scan that costs tens of milliseconds per command.
   * Left alone when the user set one or this JDK has no such class.
   */
  private static void skipSelectorProviderScan() {
    String key = "java.nio.channels.spi.SelectorProvider";
    String linux = "sun.nio.ch.EPollSelectorProvider";
    if (System.getProperty(key) != null) {
      return;
    }
    try {
      Class.forName(linux, false, null);
      System.setProperty(key, linux);
    } catch (ClassNotFoundException | LinkageError e) {
      // Another platform or JDK: the standard look-up runs.
    }
  }

  private static int runDaemon() {
    PrintWriter err = new PrintWriter(System.err, true);
    try {
      return DaemonCommand.runForeground(new PrintWriter(System.out, true));
    } catch (Exception e) {
      err.println(UserMessages.lineFor(e));
      return UserMessages.exitCodeFor(e);
    }
  }

  /** Runs one command and exits with its code: 0 success, 1 error, 2 usage. */
  public static void main(String[] args) {
    // `jcompose version` is the start-up benchmark and a common probe from scripts: answer it
    // without building the picocli command tree, so only a handful of classes load.
    if (LeanVersion.handles(args)) {
      System.out.println(LeanVersion.render(args, BuildInfo.current()));
      System.out.flush();
      System.exit(ExitCodes.OK);
    }
    skipSelectorProviderScan();
    // `ps -p NAME` needs only the name: answered without the command tree, model or mapper.
    java.util.Optional<LeanPs> ps = LeanPs.parse(args);
    if (ps.isPresent()) {
      System.exit(ps.get().run());
    }
    // Plain `up -d` and `down` skip building picocli's command tree.
    java.util.Optional<ProjectCommand> plain = LeanVerbs.parse(args);
    if (plain.isPresent()) {
      System.exit(LeanVerbs.run(plain.get()));
    }
    if (args.length == 1 && args[0].equals(TrainingRun.COMMAND)) {
      TrainingRun.run();
      System.exit(ExitCodes.OK);
    }
    if (args.length == 1 && args[0].equals(DaemonTrainingRun.COMMAND)) {
      trainDaemon();
    }
    if (args.length == 1 && args[0].equals("daemon")) {
      System.exit(runDaemon());
    }
    System.exit(JComposeCommand.commandLine(args).execute(args));
  }
}
