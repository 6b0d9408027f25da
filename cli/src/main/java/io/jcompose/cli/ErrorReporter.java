package io.jcompose.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and an exit code: 2 for a wrong command line, 1 (or
 * the failure's own code) otherwise. A stack trace is printed only with {@code --debug}.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

  private final CommandLine root;

  ErrorReporter(CommandLine root) {
    this.root = root;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    String where = cmd.getCommandSpec().qualifiedName();
    String message = oneLine(ex.getMessage());
    cmd.getErr().println("jcompose: " + message + " (see '" + where + " --help')");
    cmd.getErr().flush();
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    boolean debug = isDebug();
    err.println(UserMessages.lineFor(ex));
    if (debug) {
      // --debug asks for the full trace; it is the only place main code prints one.
      ex.printStackTrace(err);
    }
    err.flush();
    return UserMessages.exitCodeFor(ex);
  }

  private boolean isDebug() {
    Object user = root.getCommandSpec().userObject();
    return user instanceof JComposeCommand rootCommand && rootCommand.debug;
  }

  static String oneLine(String message) {
    if (message == null) {
      return "unexpected error";
    }
    return message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
