package io.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jcompose image …}: the host's image store. */
@Command(
    name = "image",
    description = "Manage images in the jcompose image store.",
    subcommands = {
      ImageCommand.Ls.class,
      ImageCommand.Inspect.class,
      ImageCommand.Rm.class,
      ImageCommand.Import.class,
      ImageCommand.Load.class,
      ImageCommand.Pull.class
    })
final class ImageCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  @Command(name = "ls", aliases = "list", description = "List images.")
  static final class Ls extends ProjectCommand {
    @Option(
        names = {"-q", "--quiet"},
        description = "Only show image IDs.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table|json.")
    String format = "table";

    @Override
    public Integer call() throws Exception {
      JsonNode images = daemon().call("image/ls", body(), e -> {});
      if (format.equals("json")) {
        for (JsonNode i : images) {
          out().println(mapper().writeValueAsString(i));
        }
      } else {
        Table table = new Table("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE");
        for (JsonNode i : images) {
          String id = shortId(i.path("id").asText());
          if (quiet) {
            out().println(id);
            continue;
          }
          List<String> tags = new ArrayList<>();
          i.path("repoTags").forEach(t -> tags.add(t.asText()));
          if (tags.isEmpty()) {
            tags.add("<none>:<none>");
          }
          for (String fullTag : tags) {
            String tag = familiar(fullTag);
            int colon = tag.lastIndexOf(':');
            boolean hasTag = colon > tag.lastIndexOf('/');
            table.row(
                hasTag ? tag.substring(0, colon) : tag,
                hasTag ? tag.substring(colon + 1) : "<none>",
                id,
                Table.ago(i.path("created").asText()),
                Sizes.human(i.path("sizeBytes").asLong()));
          }
        }
        if (!quiet) {
          table.print(out());
        }
      }
      out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "inspect", description = "Display detailed information on images.")
  static final class Inspect extends ProjectCommand {
    @Parameters(paramLabel = "IMAGE", arity = "1..*")
    List<String> references;

    @Override
    public Integer call() throws Exception {
      List<JsonNode> found = new ArrayList<>();
      for (String ref : references) {
        found.add(daemon().call("image/inspect", body("reference", ref), e -> {}));
      }
      out().println(mapper().writerWithDefaultPrettyPrinter().writeValueAsString(found));
      out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "rm", aliases = "remove", description = "Remove images.")
  static final class Rm extends ProjectCommand {
    @Option(
        names = {"-f", "--force"},
        description = "Force removal of the image.")
    boolean force;

    @Parameters(paramLabel = "IMAGE", arity = "1..*")
    List<String> references;

    @Override
    public Integer call() {
      for (String ref : references) {
        daemon().call("image/rm", body("references", List.of(ref), "force", force), e -> {});
        out().println("Untagged: " + ref);
      }
      out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "import", description = "Import a root file system tar as an image.")
  static final class Import extends ProjectCommand {
    @Option(
        names = {"-c", "--change"},
        paramLabel = "INSTRUCTION",
        description = "Dockerfile instruction to apply (CMD, ENV, WORKDIR…; repeatable).")
    List<String> changes = new ArrayList<>();

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Parameters(index = "1", paramLabel = "REPOSITORY[:TAG]")
    String reference;

    @Override
    public Integer call() {
      JsonNode image =
          daemon()
              .call(
                  "image/import",
                  body(
                      "path", LocalFiles.readable(file).toString(),
                      "reference", reference,
                      "changes", changes),
                  e -> {});
      out().println(image.path("id").asText());
      out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "load", description = "Load images from a docker save or OCI archive.")
  static final class Load extends ProjectCommand {
    @Option(
        names = {"-i", "--input"},
        paramLabel = "FILE",
        required = true,
        description = "Read from a tar archive file.")
    Path file;

    @Override
    public Integer call() {
      JsonNode images =
          daemon().call("image/load", body("path", LocalFiles.readable(file).toString()), e -> {});
      for (JsonNode i : images) {
        List<String> tags = new ArrayList<>();
        i.path("repoTags").forEach(t -> tags.add(t.asText()));
        out()
            .println(
                tags.isEmpty()
                    ? "Loaded image ID: " + i.path("id").asText()
                    : "Loaded image: " + String.join(", ", tags));
      }
      out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "pull", description = "Pull an image from a registry.")
  static final class Pull extends ProjectCommand {
    @Parameters(paramLabel = "IMAGE")
    String reference;

    @Override
    public Integer call() {
      try (var view = progressView("Pulling")) {
        daemon().call("image/pull", body("reference", reference), e -> route(e, view, null));
      }
      return ExitCodes.OK;
    }
  }

  /** The name docker shows: {@code busybox:1} for {@code docker.io/library/busybox:1}. */
  static String familiar(String reference) {
    if (reference.startsWith("docker.io/library/")) {
      return reference.substring("docker.io/library/".length());
    }
    return reference.startsWith("docker.io/")
        ? reference.substring("docker.io/".length())
        : reference;
  }

  static String shortId(String id) {
    String hex = id.startsWith("sha256:") ? id.substring(7) : id;
    return hex.length() > 12 ? hex.substring(0, 12) : hex;
  }
}
