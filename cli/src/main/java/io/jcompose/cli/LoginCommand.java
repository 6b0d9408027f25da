package io.jcompose.cli;

import io.jcompose.runtime.api.DockerConfigFile;
import io.jcompose.runtime.api.RegistryCredentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jcompose login [SERVER]}: checks the credentials against the registry (through the daemon,
 * which pulls) and stores them in docker's {@code config.json}, shared with docker.
 */
@Command(name = "login", description = "Log in to a registry.")
final class LoginCommand extends ProjectCommand {

  @Option(
      names = {"-u", "--username"},
      paramLabel = "USER",
      description = "Username.")
  String username;

  @Option(
      names = {"-p", "--password"},
      paramLabel = "PASS",
      description = "Password.")
  String password;

  @Option(names = "--password-stdin", description = "Take the password from stdin.")
  boolean passwordStdin;

  @Parameters(paramLabel = "SERVER", arity = "0..1", description = "Registry (default: docker.io).")
  String server = "docker.io";

  @Override
  public Integer call() throws IOException {
    if (passwordStdin) {
      if (password != null) {
        throw UpCommand.usage("--password and --password-stdin are mutually exclusive");
      }
      password =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
    if (username == null || password == null) {
      throw UpCommand.usage("login needs -u USER and -p PASS or --password-stdin");
    }
    daemon()
        .call(
            "login/check",
            body("registry", server, "username", username, "password", password),
            e -> {});
    DockerConfigFile config = DockerConfigFile.locate(System.getenv());
    config.store(server, RegistryCredentials.of(username, password));
    out().println("Login Succeeded");
    out().flush();
    return ExitCodes.OK;
  }
}
