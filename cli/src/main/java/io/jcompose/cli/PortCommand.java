package io.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.model.api.Project;
import io.jcompose.scheduler.api.PortOptions;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jcompose port SERVICE PRIVATE_PORT}: the public address of a port binding, one line as
 * docker compose prints it ({@code 0.0.0.0:49153}; an IPv6 address in brackets).
 */
@Command(name = "port", description = "Print the public port for a port binding.")
final class PortCommand extends ProjectCommand {

  @Option(names = "--protocol", paramLabel = "PROTO", description = "tcp or udp (default: tcp).")
  String protocol = "tcp";

  @Option(
      names = "--index",
      paramLabel = "N",
      description = "Container number, if the service has replicas (default: the first running).")
  int index;

  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  @Parameters(index = "1", paramLabel = "PRIVATE_PORT")
  int privatePort;

  @Override
  public Integer call() {
    protocol = protocol.toLowerCase(java.util.Locale.ROOT);
    if (!protocol.equals("tcp") && !protocol.equals("udp")) {
      throw new CliException(
          "port --protocol: '" + protocol + "' is not a protocol; use tcp or udp",
          ExitCodes.USAGE,
          null);
    }
    Optional<Project> project = projectIfPresent(List.of(service));
    JsonNode result =
        daemon()
            .project(
                nameOf(project),
                "port",
                body("options", new PortOptions(service, privatePort, protocol, index)),
                e -> {});
    out().println(result.asText());
    out().flush();
    return ExitCodes.OK;
  }
}
