package io.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.cli.client.DaemonClient;
import io.jcompose.cli.client.JsonTrees;
import io.jcompose.cli.client.UnixHttpClient;
import io.jcompose.cli.progress.ProgressView;
import io.jcompose.cli.progress.ProgressViews;
import io.jcompose.model.api.Project;
import io.jcompose.model.api.ProjectLoader;
import io.jcompose.model.api.ProjectOptions;
import io.jcompose.scheduler.api.EngineJson;
import io.jcompose.scheduler.api.ProgressEvent;
import io.jcompose.scheduler.api.UpOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * A run that loads the classes a typical command needs without doing anything, so the launcher can
 * record them in a class-data-sharing archive once per build ({@code -XX:ArchiveClassesAtExit}):
 * the command tree, the compose loader, the JSON mapper and the progress and table output.
 */
final class TrainingRun {

  /** The hidden argument the launcher passes. */
  static final String COMMAND = "__train";

  static final String SAMPLE =
      "services:\n"
          + "  web:\n"
          + "    image: busybox\n"
          + "    command: [\"httpd\", \"-f\"]\n"
          + "    ports:\n"
          + "      - \"8080:80\"\n"
          + "    environment: {A: \"${HOME:-x}\"}\n"
          + "    depends_on: {db: {condition: service_healthy}}\n"
          + "  db:\n"
          + "    image: busybox\n"
          + "    healthcheck: {test: [\"CMD\", \"true\"], interval: 1s}\n"
          + "    volumes: [\"data:/data\"]\n"
          + "volumes: {data: {}}\n";

  /** A socket path nothing listens on, in a directory that does not exist (nothing to clean). */
  private static final Path NO_SOCKET =
      Path.of(System.getProperty("java.io.tmpdir"), "jcompose-train-none", "none.sock");

  private TrainingRun() {}

  static void run() {
    CommandLine cl = JComposeCommand.commandLine();
    StringWriter sink = new StringWriter();
    cl.setOut(new PrintWriter(sink));
    cl.setErr(new PrintWriter(sink));
    cl.execute("--help");
    for (CommandLine sub : cl.getSubcommands().values()) {
      sub.getUsageMessage();
    }
    JComposeCommand.commandLine(new String[] {"ps"}).parseArgs("-p", "x", "ps", "-a");
    LeanVersion.text(BuildInfo.current());
    try {
      exerciseLeanPs();
    } catch (Exception e) {
      // Best effort, as below.
    }
    try {
      exerciseModelAndJson();
    } catch (Exception e) {
      // Training is best effort: a failure only means a smaller archive.
    }
    try {
      exerciseClientPath();
    } catch (Exception e) {
      // Best effort, as above.
    }
  }

  // Classes that every command reaching a daemon loads only once one answers, and no daemon runs
  // during training: loaded here, they come from the archive, and a command opens no jar at all
  // (opening the CLI's jar and the runtime's took ~10 ms of each `ps`, `up -d` and `down`).
  private static void exerciseClientPath() throws Exception {
    DaemonAccess.connector(new PrintWriter(new StringWriter()));
    Durations.seconds(10);
    Terminal.stdoutIsTerminal();
    AnsiMode.AUTO.enabled(false);
    Class.forName("io.jcompose.cli.client.HttpLines");
    Class.forName("io.jcompose.cli.client.UnixHttpResponse");
  }

  // `ps -p NAME` runs without picocli and the mapper: its classes and the string shapes it
  // formats (each concatenation shape costs generated code at run time) go in the archive too.
  private static void exerciseLeanPs() throws Exception {
    LeanPs.parse(new String[] {"-p", "x", "ps", "-a", "--status", "running", "--format", "table"});
    LeanVerbs.parse(new String[] {"-f", "compose.yaml", "-p", "x", "up", "-d"});
    LeanVerbs.parse(new String[] {"-p", "x", "down", "--remove-orphans"});
    byte[] body = JsonTrees.write(Map.of("options", Map.of("services", List.of(), "all", false)));
    JsonTrees.parse(new String(body, StandardCharsets.UTF_8));
    JsonNode rows =
        JsonTrees.parse(
            "[{\"ID\":\"0123\",\"Name\":\"x-web-1\",\"Image\":\"busybox\",\"Command\":"
                + "\"httpd -f\",\"Service\":\"web\",\"CreatedAt\":\"2026-01-01T00:00:00Z\","
                + "\"State\":\"running\",\"Status\":\"Up 2 seconds (healthy)\",\"ExitCode\":0,"
                + "\"Publishers\":[{\"URL\":\"127.0.0.1\",\"TargetPort\":80,"
                + "\"PublishedPort\":8080,\"Protocol\":\"tcp\"}],\"Labels\":{\"a\":\"b\"}}]");
    PrintWriter sink = new PrintWriter(new StringWriter());
    PsCommand.render(rows, List.of(), false, false, "table", sink, EngineJson::mapper);
    PsCommand.render(rows, List.of("running"), true, false, "table", sink, EngineJson::mapper);
    PsCommand.render(rows, List.of(), false, true, "table", sink, EngineJson::mapper);
    try {
      new UnixHttpClient(NO_SOCKET).send("GET", "/v1/version", Map.of(), null);
    } catch (IOException e) {
      // Expected: nothing listens; the socket classes are loaded now.
    }
    exerciseLeanUp();
  }

  // `up -d` on a running daemon: the request is encoded and the progress read without a mapper.
  private static void exerciseLeanUp() throws IOException {
    GlobalOptions globals =
        new GlobalOptions(
            List.of("compose.yaml"),
            "x",
            null,
            List.of(),
            List.of(),
            null,
            ProgressMode.AUTO,
            AnsiMode.AUTO,
            false);
    byte[] up = UpRequest.encode(ProjectSource.of(globals).input(List.of()), UpOptions.defaults());
    // `down` on a running daemon goes the same way (POST /v1/down).
    DownRequest.encode(
        ProjectSource.of(globals).inputIfPresent(List.of()).orElse(null),
        "x",
        io.jcompose.scheduler.api.DownOptions.defaults());
    new DaemonClient(new UnixHttpClient(NO_SOCKET), "train", EngineJson::mapper)
        .callJsonIfCurrent("up", up, e -> {});
    JsonNode event =
        JsonTrees.parse(
            "{\"resource\":\"Container x-web-1\",\"status\":\"Started\",\"kind\":\"DONE\","
                + "\"detail\":null,\"time\":\"2026-01-01T00:00:00.123456Z\"}");
    PrintStream devNull =
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    try (ProgressView view = ProgressViews.create("plain", "Running", false, devNull, null)) {
      view.show(ProgressEventTrees.read(event));
    }
  }

  private static void exerciseModelAndJson() throws Exception {
    Path dir = Files.createTempDirectory("jcompose-train");
    try {
      Files.writeString(dir.resolve("compose.yaml"), SAMPLE, StandardCharsets.UTF_8);
      Project project = ProjectLoader.load(ProjectOptions.of(dir, Map.of("HOME", "/root")));
      ObjectMapper mapper = EngineJson.mapper();
      byte[] json =
          mapper.writeValueAsBytes(
              ProjectCommand.body("project", project, "options", UpOptions.defaults()));
      JsonNode tree = mapper.readTree(json);
      mapper.treeToValue(tree.path("project"), Project.class);
      ProgressEvent event = ProgressEvent.done("Container x-web-1", "Started");
      JsonNode wire = mapper.readTree(mapper.writeValueAsString(event));
      PrintStream devNull =
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
      for (String mode : new String[] {"plain", "tty", "json"}) {
        try (ProgressView view = ProgressViews.create(mode, "Running", true, devNull, mapper)) {
          view.show(mapper.treeToValue(wire, ProgressEvent.class));
        }
      }
      new Table("NAME", "STATUS")
          .row("x-web-1", Table.ago("2026-01-01T00:00:00Z"))
          .print(new PrintWriter(new StringWriter()));
    } finally {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
