package io.jcompose.cli;

import io.jcompose.runtime.api.DockerConfigFile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jcompose logout [SERVER]}: forgets the stored credentials of a registry. */
@Command(name = "logout", description = "Log out from a registry.")
final class LogoutCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SERVER", arity = "0..1", description = "Registry (default: docker.io).")
  String server = "docker.io";

  @Override
  public Integer call() {
    DockerConfigFile config = DockerConfigFile.locate(System.getenv());
    boolean removed = config.remove(server);
    spec.commandLine()
        .getOut()
        .println(
            removed ? "Removing login credentials for " + server : "Not logged in to " + server);
    return ExitCodes.OK;
  }
}
