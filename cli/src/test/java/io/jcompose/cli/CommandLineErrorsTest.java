package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class CommandLineErrorsTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("the frobnicator is\nbroken");
    }
  }

  @Command(name = "refuse")
  static final class Refuse implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new CliException("no such service: web");
    }
  }

  private int run(String... args) {
    CommandLine cl = JComposeCommand.commandLine(args);
    cl.addSubcommand("boom", new Boom());
    cl.addSubcommand("refuse", new Refuse());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void unknownOption_exits2WithOneLineNamingIt() {
    int code = run("--bogus", "version");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .startsWith("jcompose: ")
        .contains("--bogus")
        .contains("jcompose --help");
  }

  @Test
  void unknownVerb_exits2() {
    int code = run("frobnicate");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).contains("frobnicate");
  }

  @Test
  void badProgressValue_exits2() {
    int code = run("--progress", "sparkly", "version");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("jcompose: ").contains("sparkly");
  }

  @Test
  void failingCommand_exits1WithOneLineAndNoStackTrace() {
    int code = run("boom");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString().lines()).containsExactly("jcompose: the frobnicator is; broken");
    assertThat(err.toString()).doesNotContain("\tat ");
  }

  @Test
  void userError_isPrefixedOnce() {
    int code = run("refuse");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString().lines()).containsExactly("jcompose: no such service: web");
  }

  @Test
  void debug_addsTheStackTrace() {
    int code = run("--debug", "boom");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString().lines().findFirst()).hasValue("jcompose: the frobnicator is; broken");
    assertThat(err.toString()).contains("\tat ").contains("IllegalStateException");
  }

  @Test
  void version_printsTheVersionLine() {
    int code = run("version");

    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("jcompose version ");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void versionJson_isOneObject() {
    int code = run("version", "--format", "json");

    assertThat(code).isZero();
    assertThat(out.toString().strip()).matches("\\{\"version\":\"[^\"]+\"\\}");
  }

  @Test
  void globalsBeforeTheVerb_areParsed() {
    String[] args = {
      "-f",
      "a.yaml",
      "-f",
      "b.yaml",
      "-p",
      "demo",
      "--env-file",
      "x.env",
      "--profile",
      "dev",
      "--parallel",
      "4",
      "--progress",
      "json",
      "--ansi",
      "never",
      "version"
    };
    CommandLine cl = JComposeCommand.commandLine(args);
    cl.parseArgs(args);

    GlobalOptions globals = ((JComposeCommand) cl.getCommand()).globals();
    assertThat(globals.files()).containsExactly("a.yaml", "b.yaml");
    assertThat(globals.projectName()).isEqualTo("demo");
    assertThat(globals.profiles()).containsExactly("dev");
    assertThat(globals.parallelLimit()).isEqualTo(4);
    assertThat(globals.progress()).isEqualTo(ProgressMode.JSON);
    assertThat(globals.ansi()).isEqualTo(AnsiMode.NEVER);
  }

  @Test
  void verbOf_skipsGlobalOptionValues() {
    assertThat(Verbs.verbOf(new String[] {"-f", "up", "-p", "x", "ps", "-a"})).isEqualTo("ps");
    assertThat(Verbs.verbOf(new String[] {"--debug", "--file=x.yaml", "down"})).isEqualTo("down");
    assertThat(Verbs.verbOf(new String[] {"--help"})).isNull();
  }

  @Test
  void leanVersion_handlesOnlyThePlainForms() {
    assertThat(LeanVersion.handles(new String[] {"version"})).isTrue();
    assertThat(LeanVersion.handles(new String[] {"-v"})).isTrue();
    assertThat(LeanVersion.handles(new String[] {"version", "--format", "json"})).isFalse();
    assertThat(LeanVersion.handles(new String[] {"-p", "x", "version"})).isFalse();
  }
}
