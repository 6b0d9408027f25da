package io.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.cli.client.DaemonClient;
import io.jcompose.cli.progress.ProgressView;
import io.jcompose.cli.progress.ProgressViews;
import io.jcompose.model.api.Project;
import io.jcompose.scheduler.api.EngineJson;
import io.jcompose.scheduler.daemon.StreamEvents;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every project verb shares: the global options, the project (loaded client side), the daemon
 * connection and the progress view.
 */
abstract class ProjectCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  private DaemonClient daemon;

  /** Set when {@link LeanVerbs} runs this command without picocli; null otherwise. */
  private LeanVerbs.Streams lean;

  /** The globals {@link LeanVerbs} parsed for this command, before it runs. */
  GlobalOptions leanGlobals;

  GlobalOptions globals() {
    return lean != null ? lean.globals() : JComposeCommand.of(spec).globals();
  }

  /** Runs the command as picocli would, with globals and streams given instead of parsed. */
  Integer callWithout(LeanVerbs.Streams streams) throws Exception {
    this.lean = streams;
    return call();
  }

  ProjectSource source() {
    return ProjectSource.of(globals());
  }

  /** The full project (its files must exist). */
  Project project(List<String> services) {
    return source().load(services);
  }

  /** The project when it has files, else empty when {@code -p} names it. */
  Optional<Project> projectIfPresent(List<String> services) {
    return source().loadIfPresent(services);
  }

  String nameOf(Optional<Project> project) {
    return source().projectName(project);
  }

  DaemonClient daemon() {
    if (daemon == null) {
      daemon = DaemonAccess.connect(err());
    }
    return daemon;
  }

  ObjectMapper mapper() {
    return EngineJson.mapper();
  }

  PrintWriter out() {
    return lean != null ? lean.out() : spec.commandLine().getOut();
  }

  PrintWriter err() {
    return lean != null ? lean.err() : spec.commandLine().getErr();
  }

  /** A JSON request body from alternating names and values; null values are left out. */
  static Map<String, Object> body(Object... namesAndValues) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        body.put((String) namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return body;
  }

  /** Calls a verb that reports progress, drawing it as {@code --progress} says. */
  JsonNode withProgress(String project, String verb, String title, Map<String, Object> body) {
    try (ProgressView view = progressView(title)) {
      return daemon().project(project, verb, body, event -> route(event, view, null));
    }
  }

  /**
   * Calls a host-wide verb with a body already encoded on a daemon of this build that runs already,
   * drawing its progress as {@code --progress} says; empty when no such daemon answered (nothing
   * was done: the caller goes the usual way, which starts or replaces the daemon).
   */
  Optional<JsonNode> withProgressIfRunning(String route, String title, byte[] json) {
    try (ProgressView view = progressView(title)) {
      return DaemonAccess.connector(err())
          .unchecked()
          .callJsonIfCurrent(route, json, event -> route(event, view, null));
    }
  }

  /** Passes a stream event to the progress view or the log consumer. */
  void route(JsonNode event, ProgressView view, Consumer<JsonNode> logs) {
    String type = event.path("type").asText();
    if (type.equals(StreamEvents.PROGRESS) && view != null) {
      view.show(ProgressEventTrees.read(event.path("data")));
    } else if (type.equals(StreamEvents.LOG) && logs != null) {
      logs.accept(event.path("data"));
    }
  }

  /** Prints a log event's line on this process's stdout or stderr, as its stream says. */
  static void printToStdio(JsonNode entry) {
    (entry.path("stream").asText().equals("stderr") ? System.err : System.out)
        .println(entry.path("text").asText());
  }

  ProgressView progressView(String title) {
    GlobalOptions g = globals();
    boolean terminal = Terminal.stderrIsTerminal();
    String mode = g.progress().resolve(terminal).name().toLowerCase(java.util.Locale.ROOT);
    PrintStream stderr = System.err;
    // Only the json view encodes with the mapper; building one costs a short command ~0.1 s of CPU.
    return ProgressViews.create(
        mode, title, g.ansi().enabled(terminal), stderr, mode.equals("json") ? mapper() : null);
  }
}
