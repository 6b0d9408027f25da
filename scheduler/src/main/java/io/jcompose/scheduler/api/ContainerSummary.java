package io.jcompose.scheduler.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One container of a project, with the fields (and JSON names) of {@code docker compose ps --format
 * json}.
 *
 * @param id container id
 * @param name container name
 * @param image image reference it runs
 * @param command its command line, quoted as docker prints it
 * @param project project name
 * @param service service name
 * @param number replica number ({@code com.docker.compose.container-number})
 * @param oneOff whether it is a {@code run} container
 * @param createdAt creation time
 * @param state {@code created}, {@code running}, {@code paused}, {@code restarting}, {@code
 *     exited}, {@code dead}
 * @param status human text ({@code Up 5 seconds (healthy)}, {@code Exited (0) 3 seconds ago})
 * @param health {@code starting}, {@code healthy}, {@code unhealthy}, or empty without a
 *     healthcheck
 * @param exitCode last exit code, 0 while it never exited
 * @param restartCount how many times its restart policy restarted it
 * @param publishers published ports
 * @param labels its labels
 */
public record ContainerSummary(
    @JsonProperty("ID") String id,
    @JsonProperty("Name") String name,
    @JsonProperty("Image") String image,
    @JsonProperty("Command") String command,
    @JsonProperty("Project") String project,
    @JsonProperty("Service") String service,
    @JsonProperty("Number") int number,
    @JsonProperty("OneOff") boolean oneOff,
    @JsonProperty("CreatedAt") Instant createdAt,
    @JsonProperty("State") String state,
    @JsonProperty("Status") String status,
    @JsonProperty("Health") String health,
    @JsonProperty("ExitCode") int exitCode,
    @JsonProperty("RestartCount") int restartCount,
    @JsonProperty("Publishers") List<PortPublisher> publishers,
    @JsonProperty("Labels") Map<String, String> labels) {

  public ContainerSummary {
    health = health == null ? "" : health;
    publishers = publishers == null ? List.of() : List.copyOf(publishers);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }
}
