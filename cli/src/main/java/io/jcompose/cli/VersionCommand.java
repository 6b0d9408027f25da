package io.jcompose.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jcompose version}: the client's version; never contacts the daemon. */
@Command(name = "version", description = "Show the jcompose version information.")
final class VersionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "Format the output: pretty|json (default: pretty).")
  String format = "pretty";

  @Option(names = "--short", description = "Show only the version number.")
  boolean onlyNumber;

  @Override
  public Integer call() {
    BuildInfo build = BuildInfo.current();
    String text =
        switch (format) {
          case "json" -> "{\"version\":\"" + build.version() + "\"}";
          case "pretty" -> onlyNumber ? build.version() : LeanVersion.text(build);
          default ->
              throw new CliException(
                  "version: unknown format '" + format + "'; use pretty or json", 2, null);
        };
    spec.commandLine().getOut().println(text);
    return ExitCodes.OK;
  }

  /** Answers {@code jcompose --version}. */
  static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {LeanVersion.text(BuildInfo.current())};
    }
  }
}
