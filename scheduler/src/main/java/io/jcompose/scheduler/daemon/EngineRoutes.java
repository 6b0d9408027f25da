package io.jcompose.scheduler.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.model.api.Project;
import io.jcompose.model.api.ProjectLoader;
import io.jcompose.scheduler.api.ComposeEngine;
import io.jcompose.scheduler.api.CreateOptions;
import io.jcompose.scheduler.api.DownOptions;
import io.jcompose.scheduler.api.EngineJson;
import io.jcompose.scheduler.api.EventsOptions;
import io.jcompose.scheduler.api.ExecOptions;
import io.jcompose.scheduler.api.KillOptions;
import io.jcompose.scheduler.api.ListOptions;
import io.jcompose.scheduler.api.LogsOptions;
import io.jcompose.scheduler.api.PauseOptions;
import io.jcompose.scheduler.api.PortOptions;
import io.jcompose.scheduler.api.ProjectInput;
import io.jcompose.scheduler.api.PsOptions;
import io.jcompose.scheduler.api.RemoveOptions;
import io.jcompose.scheduler.api.RestartOptions;
import io.jcompose.scheduler.api.RunOptions;
import io.jcompose.scheduler.api.ScaleOptions;
import io.jcompose.scheduler.api.StartOptions;
import io.jcompose.scheduler.api.StatsOptions;
import io.jcompose.scheduler.api.StopOptions;
import io.jcompose.scheduler.api.Subscription;
import io.jcompose.scheduler.api.UpOptions;
import io.jcompose.scheduler.api.WaitOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;

/**
 * The project verbs of the API, one route per {@link ComposeEngine} method. A request body is
 * {@code {"project": Project, "options": XOptions, "services": [...], "container": "..."}} with
 * only the fields that verb uses; progress, output and events stream back as {@link StreamEvents}.
 */
public final class EngineRoutes {

  private final ComposeEngine engine;
  private final ObjectMapper mapper = EngineJson.mapper();
  private final Vertx vertx;

  /** Routes to {@code engine}; {@code up} from compose files is not served (no worker to load). */
  public EngineRoutes(ComposeEngine engine) {
    this(engine, null);
  }

  /** Routes to {@code engine}; {@code vertx}'s workers load compose files for {@code POST /up}. */
  public EngineRoutes(ComposeEngine engine, Vertx vertx) {
    this.engine = engine;
    this.vertx = vertx;
  }

  /** Adds every engine verb to {@code routes}. */
  public void register(ApiRoutes routes) {
    routes
        .project("up", c -> engine.up(project(c), options(c, UpOptions.class), progress(c)))
        .project(
            "create", c -> engine.create(project(c), options(c, CreateOptions.class), progress(c)))
        .project(
            "start", c -> engine.start(c.project(), options(c, StartOptions.class), progress(c)))
        .project("stop", c -> engine.stop(c.project(), options(c, StopOptions.class), progress(c)))
        .project(
            "restart",
            c -> engine.restart(c.project(), options(c, RestartOptions.class), progress(c)))
        .project("down", c -> engine.down(c.project(), options(c, DownOptions.class), progress(c)))
        .project("kill", c -> engine.kill(c.project(), options(c, KillOptions.class), progress(c)))
        .project(
            "pause", c -> engine.pause(c.project(), options(c, PauseOptions.class), progress(c)))
        .project(
            "unpause",
            c -> engine.unpause(c.project(), options(c, PauseOptions.class), progress(c)))
        .project(
            "rm", c -> engine.remove(c.project(), options(c, RemoveOptions.class), progress(c)))
        .project(
            "container/rm",
            c ->
                engine.removeContainer(
                    c.project(), c.text("container"), c.field("force").asBoolean(), progress(c)))
        .project("ps", c -> engine.ps(c.project(), options(c, PsOptions.class)))
        .project("inspect", c -> engine.inspect(c.project(), c.field("container").asText()))
        .project("logs", this::logs)
        .project("events", this::events)
        .project(
            "exec",
            c ->
                engine.exec(
                    c.project(),
                    options(c, ExecOptions.class),
                    entry -> c.events().emit(new StreamEvents(StreamEvents.LOG, entry))))
        .project(
            "run",
            c ->
                engine.run(
                    project(c),
                    options(c, RunOptions.class),
                    entry -> c.events().emit(new StreamEvents(StreamEvents.LOG, entry)),
                    progress(c)))
        .project(
            "scale", c -> engine.scale(project(c), options(c, ScaleOptions.class), progress(c)))
        .project("top", c -> engine.top(c.project(), services(c)))
        .project("port", c -> engine.port(c.project(), options(c, PortOptions.class)))
        .project("wait", c -> engine.wait(c.project(), options(c, WaitOptions.class)))
        .project("images", c -> engine.images(c.project(), services(c)))
        .project("stats", c -> engine.stats(c.project(), options(c, StatsOptions.class)))
        .host("ls", c -> engine.ls(options(c, ListOptions.class)));
    if (vertx != null) {
      routes.host("up", this::upFromFiles);
      routes.host("down", this::downFromFiles);
    }
    routes.attach("exec/attach", this::execAttached);
    routes.attach("run/attach", this::runAttached);
  }

  private Future<io.jcompose.runtime.api.AttachedExec> runAttached(
      String project, Map<String, String> query) {
    String container = query.get("container");
    if (container == null || container.isBlank()) {
      throw new IllegalArgumentException("query parameter 'container' is missing");
    }
    return engine.runAttached(
        project,
        container,
        Boolean.parseBoolean(query.get("remove")),
        number(query.get("columns")),
        number(query.get("lines")));
  }

  private Future<io.jcompose.runtime.api.AttachedExec> execAttached(
      String project, Map<String, String> query) {
    ExecOptions options;
    try {
      options =
          decode(
              mapper.readTree(query.getOrDefault("options", "{}")), ExecOptions.class, "options");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "query parameter 'options' is not JSON: " + e.getMessage());
    }
    return engine.execAttached(
        project, options, number(query.get("columns")), number(query.get("lines")));
  }

  private static int number(String value) {
    return value != null && value.matches("\\d{1,5}") ? Integer.parseInt(value) : 0;
  }

  private Future<Void> logs(ApiCall call) {
    return engine
        .logs(
            call.project(),
            options(call, LogsOptions.class),
            entry -> call.events().emit(new StreamEvents(StreamEvents.LOG, entry)))
        .compose(subscription -> untilEnded(call, subscription));
  }

  private Future<Void> events(ApiCall call) {
    return engine
        .events(
            call.project(),
            options(call, EventsOptions.class),
            event -> call.events().emit(new StreamEvents(StreamEvents.EVENT, event)))
        .compose(subscription -> untilEnded(call, subscription));
  }

  private static Future<Void> untilEnded(ApiCall call, Subscription subscription) {
    // A client that hangs up (Ctrl-C on `logs -f`) ends the subscription.
    call.events().onClose(subscription::close);
    return subscription.ended();
  }

  private static io.vertx.core.Handler<io.jcompose.scheduler.api.ProgressEvent> progress(
      ApiCall call) {
    return event -> call.events().emit(new StreamEvents(StreamEvents.PROGRESS, event));
  }

  // `up` whose project the daemon loads from the client's files (see ProjectInput): the
  // short-lived CLI then neither parses YAML nor serialises the model.
  private Future<Void> upFromFiles(ApiCall call) {
    ProjectInput input = decode(required(call, "input"), ProjectInput.class, "input");
    UpOptions options = options(call, UpOptions.class);
    return vertx
        .executeBlocking(() -> ProjectLoader.load(input.toOptions()), false)
        .compose(project -> engine.up(project, options, progress(call)));
  }

  // `down` whose project the daemon loads from the client's files when it has any (input), else
  // goes by the project name alone (name), as the client's own loader would.
  private Future<Void> downFromFiles(ApiCall call) {
    DownOptions options = options(call, DownOptions.class);
    JsonNode in = call.field("input");
    if (in.isMissingNode() || in.isNull()) {
      return engine.down(required(call, "name").asText(), options, progress(call));
    }
    ProjectInput input = decode(in, ProjectInput.class, "input");
    return vertx
        .executeBlocking(() -> ProjectLoader.load(input.toOptions()), false)
        .compose(
            project -> engine.down(project.name(), options.withProject(project), progress(call)));
  }

  private static JsonNode required(ApiCall call, String field) {
    JsonNode node = call.field(field);
    if (node.isMissingNode() || node.isNull()) {
      throw new IllegalArgumentException(
          call.verb() + " needs the request field '" + field + "'; see docs/API.md");
    }
    return node;
  }

  private Project project(ApiCall call) {
    JsonNode node = call.field("project");
    if (node.isMissingNode() || node.isNull()) {
      throw new IllegalArgumentException(
          call.verb() + " needs the project model; send it in the request's 'project' field");
    }
    return decode(node, Project.class, "project");
  }

  private List<String> services(ApiCall call) {
    JsonNode node = call.field("services");
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    return List.of(decode(node, String[].class, "services"));
  }

  private <T> T options(ApiCall call, Class<T> type) {
    JsonNode node = call.field("options");
    if (node.isMissingNode() || node.isNull()) {
      node = mapper.createObjectNode();
    }
    return decode(node, type, "options");
  }

  private <T> T decode(JsonNode node, Class<T> type, String field) {
    try {
      return mapper.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "request field '"
              + field
              + "' is not a valid "
              + type.getSimpleName()
              + ": "
              + e.getOriginalMessage(),
          e);
    }
  }
}
