package io.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.model.api.Project;
import io.jcompose.scheduler.api.EventsOptions;
import io.jcompose.scheduler.daemon.StreamEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose events}: container events as they happen, until Ctrl-C. */
@Command(name = "events", description = "Receive real time events from containers.")
final class EventsCommand extends ProjectCommand {

  @Option(names = "--json", description = "Output events as a stream of json objects.")
  boolean json;

  @Parameters(paramLabel = "SERVICE", description = "Services (default: all).")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() {
    Optional<Project> project = projectIfPresent(services);
    daemon()
        .project(
            nameOf(project),
            "events",
            body("options", new EventsOptions(services)),
            event -> {
              if (event.path("type").asText().equals(StreamEvents.EVENT)) {
                print(event.path("data"));
              }
            });
    return ExitCodes.OK;
  }

  private void print(JsonNode e) {
    if (json) {
      out().println(e.toString());
    } else {
      StringBuilder attrs = new StringBuilder();
      e.path("attributes")
          .fields()
          .forEachRemaining(
              a ->
                  attrs
                      .append(attrs.length() == 0 ? "" : ", ")
                      .append(a.getKey())
                      .append('=')
                      .append(a.getValue().asText()));
      out()
          .println(
              e.path("time").asText()
                  + " "
                  + e.path("type").asText()
                  + " "
                  + e.path("action").asText()
                  + " "
                  + e.path("id").asText()
                  + " ("
                  + attrs
                  + ")");
    }
    out().flush();
  }
}
