package io.jcompose.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Every verb under the root command, in the order {@code --help} lists them. Only the verb being
 * run is registered (picocli reflects over each command's annotations, which costs start-up time);
 * all are registered when the verb is unknown or help is asked for.
 */
final class Verbs {

  /** Global options that take a value, to skip when looking for the verb. */
  private static final Set<String> GLOBALS_WITH_VALUE =
      Set.of(
          "-f",
          "--file",
          "-p",
          "--project-name",
          "--project-directory",
          "--env-file",
          "--profile",
          "--parallel",
          "--progress",
          "--ansi");

  /** Verbs whose arguments after SERVICE are a command line of their own. */
  private static final Set<String> STOP_AT_COMMAND = Set.of("exec", "run");

  private static final Map<String, Supplier<Object>> ALL = new LinkedHashMap<>();

  static {
    ALL.put("up", UpCommand::new);
    ALL.put("down", DownCommand::new);
    ALL.put("ps", PsCommand::new);
    ALL.put("logs", LogsCommand::new);
    ALL.put("exec", ExecCommand::new);
    ALL.put("run", RunCommand::new);
    ALL.put("create", CreateCommand::new);
    ALL.put("start", StartCommand::new);
    ALL.put("stop", StopCommand::new);
    ALL.put("restart", RestartCommand::new);
    ALL.put("kill", KillCommand::new);
    ALL.put("pause", PauseCommand::new);
    ALL.put("unpause", UnpauseCommand::new);
    ALL.put("rm", RmCommand::new);
    ALL.put("top", TopCommand::new);
    ALL.put("port", PortCommand::new);
    ALL.put("cp", CpCommand::new);
    ALL.put("images", ImagesCommand::new);
    ALL.put("ls", LsCommand::new);
    ALL.put("events", EventsCommand::new);
    ALL.put("wait", WaitCommand::new);
    ALL.put("scale", ScaleCommand::new);
    ALL.put("stats", StatsCommand::new);
    ALL.put("pull", PullCommand::new);
    ALL.put("image", ImageCommand::new);
    ALL.put("volume", VolumeCommand::new);
    ALL.put("network", NetworkCommand::new);
    ALL.put("system", SystemCommand::new);
    ALL.put("login", LoginCommand::new);
    ALL.put("logout", LogoutCommand::new);
    ALL.put("version", VersionCommand::new);
    ALL.put("daemon", DaemonCommand::new);
    ALL.put("config", ConfigCommand::new);
  }

  private Verbs() {}

  /** Registers the verb named in {@code args}, or every verb when none is recognised. */
  static void register(CommandLine root, String[] args) {
    String verb = verbOf(args);
    Supplier<Object> one = verb == null ? null : ALL.get(verb);
    if (one != null) {
      add(root, verb, one);
      return;
    }
    registerAll(root);
  }

  static void registerAll(CommandLine root) {
    ALL.forEach((name, factory) -> add(root, name, factory));
  }

  private static void add(CommandLine root, String name, Supplier<Object> factory) {
    root.addSubcommand(name, factory.get());
    CommandLine sub = root.getSubcommands().get(name);
    sub.getCommandSpec().mixinStandardHelpOptions(true);
    sub.getSubcommands().values().forEach(s -> s.getCommandSpec().mixinStandardHelpOptions(true));
    if (STOP_AT_COMMAND.contains(name)) {
      // Everything after SERVICE belongs to the container's command, flags included.
      sub.setStopAtPositional(true);
    }
  }

  /** The first argument that is neither a global option nor its value, or null. */
  static String verbOf(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        return null;
      }
      if (!arg.startsWith("-")) {
        return arg;
      }
      if (GLOBALS_WITH_VALUE.contains(arg)) {
        i++;
      }
    }
    return null;
  }

  /** The names of all verbs, for tests. */
  static Set<String> names() {
    return ALL.keySet();
  }
}
