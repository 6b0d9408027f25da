package io.jcompose.cli;

import io.jcompose.model.api.ComposeFileException;
import io.jcompose.model.api.ConfigHash;
import io.jcompose.model.api.ConfigRenderer;
import io.jcompose.model.api.Project;
import io.jcompose.model.api.ProjectLoader;
import io.jcompose.model.api.ProjectOptions;
import io.jcompose.model.api.Service;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose config}: loads the project (files, {@code .env}, interpolation, merge,
 * validation) and prints the canonical model, or one of its lists. Never contacts the daemon.
 */
@Command(
    name = "config",
    description = "Parse, resolve and render the compose file in canonical format.")
public final class ConfigCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--format", paramLabel = "FORMAT", description = "yaml or json (default yaml).")
  String format = "yaml";

  @Option(
      names = {"-q", "--quiet"},
      description = "Only validate the configuration, print nothing.")
  boolean quiet;

  @Option(names = "--services", description = "Print the service names, one per line.")
  boolean services;

  @Option(names = "--volumes", description = "Print the volume names, one per line.")
  boolean volumes;

  @Option(names = "--networks", description = "Print the network names, one per line.")
  boolean networks;

  @Option(names = "--images", description = "Print the image names, one per line.")
  boolean images;

  @Option(names = "--profiles", description = "Print the profile names, one per line.")
  boolean profiles;

  @Option(
      names = "--hash",
      paramLabel = "SERVICE",
      description = "Print the config hash of the services ('*' for all).")
  String hash;

  @Option(names = "--no-interpolate", description = "Don't interpolate environment variables.")
  boolean noInterpolate;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Save to FILE instead of printing to stdout.")
  Path output;

  @Parameters(paramLabel = "SERVICE", description = "Services to include (default: all).")
  List<String> serviceNames = new ArrayList<>();

  @Override
  public Integer call() throws ComposeFileException, IOException {
    // Services named after `config` are added in run(), where they also filter the output.
    ProjectOptions options = projectOptions();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int code = run(options, new PrintStream(buffer, true, StandardCharsets.UTF_8));
    if (output != null) {
      Files.write(output, buffer.toByteArray());
    } else {
      spec.commandLine().getOut().print(buffer.toString(StandardCharsets.UTF_8));
      spec.commandLine().getOut().flush();
    }
    return code;
  }

  /**
   * Loads the project described by {@code options} and prints what the flags ask for to {@code
   * out}; returns the exit code.
   *
   * @throws ComposeFileException when the configuration is invalid
   */
  public int run(ProjectOptions options, PrintStream out) throws ComposeFileException {
    if (!format.equals("yaml") && !format.equals("json")) {
      throw new CliException("config: unknown format '" + format + "'; use yaml or json", 2, null);
    }
    ProjectOptions effective =
        options
            .withNoInterpolate(options.noInterpolate() || noInterpolate)
            .withCommandLineServices(merge(options.commandLineServices(), serviceNames));
    Project project = ProjectLoader.load(effective);
    if (spec != null) {
      // Like docker compose, warnings go to stderr so the printed configuration stays clean.
      project.warnings().forEach(w -> spec.commandLine().getErr().println("WARN " + w));
      spec.commandLine().getErr().flush();
    }
    if (!serviceNames.isEmpty()) {
      Map<String, Service> only = new LinkedHashMap<>();
      serviceNames.forEach(n -> only.put(n, project.service(n)));
      return print(project.withServices(only), effective, out);
    }
    return print(project, effective, out);
  }

  private int print(Project project, ProjectOptions options, PrintStream out) {
    if (quiet) {
      return ExitCodes.OK;
    }
    if (services) {
      project.services().keySet().forEach(out::println);
    } else if (volumes) {
      project.volumes().keySet().forEach(out::println);
    } else if (networks) {
      project.networks().keySet().forEach(out::println);
    } else if (images) {
      project.services().values().forEach(s -> out.println(s.imageOr(project.name())));
    } else if (profiles) {
      project.definedProfiles().forEach(out::println);
    } else if (hash != null) {
      printHashes(project, out);
    } else {
      boolean interpolated = !options.noInterpolate();
      out.print(
          format.equals("json")
              ? ConfigRenderer.json(project, interpolated)
              : ConfigRenderer.yaml(project, interpolated));
    }
    return ExitCodes.OK;
  }

  private void printHashes(Project project, PrintStream out) {
    List<String> names = new ArrayList<>();
    if (hash.equals("*")) {
      names.addAll(project.services().keySet());
    } else {
      for (String n : hash.split(",")) {
        if (project.service(n.strip()) == null) {
          throw new CliException("config --hash: no such service: " + n.strip());
        }
        names.add(n.strip());
      }
    }
    for (String n : names) {
      out.println(n + " " + ConfigHash.of(project.service(n)));
    }
  }

  private static List<String> merge(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    b.stream().filter(x -> !out.contains(x)).forEach(out::add);
    return out;
  }

  /** The project options from the global flags, the process environment and stdin for -f -. */
  private ProjectOptions projectOptions() {
    return ProjectSource.of(JComposeCommand.of(spec).globals()).options(List.of());
  }
}
