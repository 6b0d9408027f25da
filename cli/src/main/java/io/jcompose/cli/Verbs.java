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

  private static final Map<String, Supplier<Object>> ALL = new LinkedHashMap<>();

  static {
    ALL.put("version", VersionCommand::new);
    ALL.put("daemon", DaemonCommand::new);
    // `config` is written by the model helper: ALL.put("config", ConfigCommand::new);
  }

  private Verbs() {}

  /** Registers the verb named in {@code args}, or every verb when none is recognised. */
  static void register(CommandLine root, String[] args) {
    String verb = verbOf(args);
    Supplier<Object> one = verb == null ? null : ALL.get(verb);
    if (one != null) {
      root.addSubcommand(verb, one.get());
      return;
    }
    registerAll(root);
  }

  static void registerAll(CommandLine root) {
    ALL.forEach((name, factory) -> root.addSubcommand(name, factory.get()));
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
