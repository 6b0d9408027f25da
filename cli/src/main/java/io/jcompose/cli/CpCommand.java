package io.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.runtime.api.RootfsLock;
import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.scheduler.api.PsOptions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jcompose cp}: copies between a service container and the local filesystem. The CLI runs as
 * root on the containers' host, so it copies through {@code /proc/PID/root} of a running container,
 * resolving every path inside that root; a stopped one's file system is mounted for the copy
 * ({@link StoppedRootfs}).
 */
@Command(
    name = "cp",
    description = "Copy files/folders between a service container and the local filesystem.")
final class CpCommand extends ProjectCommand {

  // How long cp waits for a start of the stopped container to end before it mounts its overlay.
  private static final java.time.Duration LOCK_WAIT = java.time.Duration.ofSeconds(10);

  @Option(names = "--index", paramLabel = "N", description = "Replica index, if scaled.")
  int index = 1;

  @Option(
      names = {"-a", "--archive"},
      description = "Archive mode (copy all uid/gid information).")
  boolean archive;

  @Option(
      names = {"-L", "--follow-link"},
      description = "Always follow a symbol link in SRC_PATH.")
  boolean followLink;

  @Option(names = "--all", hidden = true, description = "Deprecated; ignored.")
  boolean all;

  @Parameters(index = "0", paramLabel = "SRC", description = "SERVICE:SRC_PATH, SRC_PATH or -.")
  String source;

  @Parameters(index = "1", paramLabel = "DEST", description = "SERVICE:DEST_PATH, DEST_PATH or -.")
  String destination;

  @Override
  public Integer call() {
    CpArgument src = CpArgument.parse(source);
    CpArgument dest = CpArgument.parse(destination);
    if (src.inContainer() == dest.inContainer()) {
      throw usage(
          src.inContainer()
              ? "copying between containers is not supported; one side must be local"
              : "one of SRC and DEST must be SERVICE:PATH");
    }
    if (src.path().isEmpty() || dest.path().isEmpty()) {
      throw usage("a path is missing after SERVICE:");
    }
    CpArgument service = src.inContainer() ? src : dest;
    // The project is loaded once, not once per lookup.
    String project = nameOf(projectIfPresent(List.of()));
    JsonNode container = containerOf(project, service.service());
    ContainerBundle bundle =
        ContainerBundle.read(container.path("ID").asText(), container.path("Name").asText());
    StoppedRootfs stopped = null;
    RootfsLock lock = null;
    try {
      if (!isRunning(container)) {
        lock = lockFileSystem(bundle);
        // A start may have ended while cp waited for the lock: look again, under the lock.
        container = containerOf(project, service.service());
        if (!container.path("ID").asText().equals(bundle.dir().getFileName().toString())) {
          throw new CliException(
              "service " + service.service() + ": its container was replaced; run cp again");
        }
      }
      ContainerRoot containerRoot;
      if (isRunning(container)) {
        if (lock != null) {
          lock.close();
          lock = null;
        }
        containerRoot = runningRoot(project, service.service(), container);
      } else {
        stopped = StoppedRootfs.mount(bundle);
        containerRoot = stopped.root();
      }
      if (src.inContainer()) {
        copyOut(containerRoot, src.path(), dest.path());
      } else {
        copyIn(containerRoot, bundle, src.path(), dest.path(), service.service());
      }
    } catch (IOException e) {
      throw new CliException("cp " + source + " " + destination + ": " + describe(e), e);
    } finally {
      if (stopped != null) {
        stopped.close();
      }
      if (lock != null) {
        lock.close();
      }
    }
    return ExitCodes.OK;
  }

  /** Holds off a start of the container while its overlay is mounted here. */
  private static RootfsLock lockFileSystem(ContainerBundle bundle) {
    try {
      return RootfsLock.acquire(bundle.dir(), bundle.name(), "cp", LOCK_WAIT);
    } catch (RuntimeFailure e) {
      throw new CliException(e.getMessage(), e);
    }
  }

  /** Refuses a destination on a read-only mount, as docker cp does. */
  private static void checkWritable(ContainerBundle bundle, ContainerRoot container, String path)
      throws IOException {
    String readOnly = bundle.readOnlyMountOf(container.inside(container.resolve(path, true)));
    if (readOnly != null) {
      throw new CliException(
          "container "
              + bundle.name()
              + ": mounted volume is marked read-only: "
              + readOnly
              + " (mounted with :ro); copy elsewhere or mount it read-write");
    }
  }

  private static boolean isRunning(JsonNode container) {
    String state = container.path("State").asText();
    return state.equals("running") || state.equals("paused");
  }

  /** NIO's messages are often just the path; say what went wrong with it. */
  private static String describe(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory: " + e.getMessage();
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied: " + e.getMessage();
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getFile() + ": " + f.getReason();
    }
    return e.getMessage();
  }

  private void copyOut(ContainerRoot container, String path, String dest) throws IOException {
    Path from = resolveSource(container, path);
    if (dest.equals("-")) {
      String prefix = CpTarget.contentOnly(path) ? "" : CpTarget.baseName(path);
      OutputStream stdout = new BufferedOutputStream(System.out, 64 * 1024);
      try (CpTarWriter tar = new CpTarWriter(stdout, prefix)) {
        CpTreeReader.read(from, tar);
      }
      stdout.flush();
      return;
    }
    ContainerRoot host = new ContainerRoot(Path.of("/"));
    String hostDest = absolute(dest);
    String target = CpTarget.of(path, ContainerRoot.isRealDirectory(from), hostDest, host);
    CpTreeReader.read(from, new CpFileWriter(host, target, archive));
  }

  private void copyIn(
      ContainerRoot container, ContainerBundle bundle, String path, String dest, String service)
      throws IOException {
    if (path.equals("-")) {
      checkWritable(bundle, container, dest);
      Path destHost = container.resolve(dest, true);
      if (!Files.isDirectory(destHost)) {
        throw new CliException(
            "service "
                + service
                + ": destination "
                + dest
                + " must be an existing directory"
                + " when copying a tar stream from stdin");
      }
      CpTarReader.read(System.in, new CpFileWriter(container, dest, archive));
      return;
    }
    String hostSource = absolute(path);
    Path from = resolveSource(new ContainerRoot(Path.of("/")), hostSource);
    String target = CpTarget.of(path, ContainerRoot.isRealDirectory(from), dest, container);
    checkWritable(bundle, container, target);
    CpTreeReader.read(from, new CpFileWriter(container, target, archive));
  }

  /** The source's host path: followed when -L, or when the path ends in / or /. . */
  private Path resolveSource(ContainerRoot root, String path) throws IOException {
    boolean follow = followLink || path.endsWith("/") || CpTarget.contentOnly(path);
    Path from = root.resolve(path, follow);
    if (!Files.exists(from, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new CliException("no such file or directory: " + path);
    }
    return from;
  }

  /** A local path made absolute, keeping a trailing "/" or "/." that docker cp gives meaning to. */
  private static String absolute(String path) {
    return path.startsWith("/") ? path : Path.of("").toAbsolutePath() + "/" + path;
  }

  /** The {@code ps} entry of replica {@code --index} of {@code service}, in any state. */
  private JsonNode containerOf(String name, String service) {
    JsonNode containers =
        daemon()
            .project(name, "ps", body("options", new PsOptions(List.of(service), true)), e -> {});
    for (JsonNode c : containers) {
      if (c.path("Service").asText().equals(service)
          && !c.path("OneOff").asBoolean()
          && c.path("Number").asInt() == index) {
        return c;
      }
    }
    throw new CliException(
        "service "
            + service
            + ": no container with index "
            + index
            + " in project "
            + name
            + "; run up first or pick another --index");
  }

  /** The root of a running container: its {@code /proc/PID/root}. */
  private ContainerRoot runningRoot(String name, String service, JsonNode found) {
    String container = found.path("Name").asText();
    JsonNode details = daemon().project(name, "inspect", body("container", container), e -> {});
    int pid = details.path("Pid").asInt();
    Path root = Path.of("/proc", Integer.toString(pid), "root");
    if (pid <= 0 || !Files.isDirectory(root)) {
      throw new CliException(
          "service "
              + service
              + ": container "
              + container
              + " stopped while cp looked at it; run cp again");
    }
    return new ContainerRoot(root);
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
