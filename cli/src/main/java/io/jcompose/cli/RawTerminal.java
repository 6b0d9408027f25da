package io.jcompose.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The client's terminal in raw mode for an interactive command: {@code stty} on {@code /dev/tty}
 * (Java has no termios), restored by {@link #close()} and, should the JVM be stopped, by a shutdown
 * hook.
 */
final class RawTerminal implements AutoCloseable {

  private final String saved;
  private final Thread restore;

  private RawTerminal(String saved) {
    this.saved = saved;
    this.restore = new Thread(this::restore, "terminal-restore");
    Runtime.getRuntime().addShutdownHook(restore);
  }

  /** Switches the terminal to raw mode without echo; fails when it cannot. */
  static RawTerminal enter() throws IOException {
    String saved = stty("-g").trim();
    RawTerminal raw = new RawTerminal(saved);
    stty("raw", "-echo");
    return raw;
  }

  /** The terminal's size as {columns, lines}, or {0, 0} when unknown. */
  static int[] size() {
    try {
      String[] rowsCols = stty("size").trim().split("\\s+");
      return new int[] {Integer.parseInt(rowsCols[1]), Integer.parseInt(rowsCols[0])};
    } catch (IOException | RuntimeException e) {
      return new int[] {0, 0};
    }
  }

  @Override
  public void close() {
    restore();
    try {
      Runtime.getRuntime().removeShutdownHook(restore);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook restores.
    }
  }

  private void restore() {
    try {
      stty(saved);
    } catch (IOException e) {
      // Nothing more to do: the user can run `stty sane`.
    }
  }

  private static String stty(String... args) throws IOException {
    String[] argv = new String[args.length + 1];
    argv[0] = "stty";
    System.arraycopy(args, 0, argv, 1, args.length);
    Process p =
        new ProcessBuilder(argv)
            .redirectInput(new File("/dev/tty"))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0) {
        throw new IOException("stty " + String.join(" ", args) + " failed on /dev/tty");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted running stty", e);
    }
    return out;
  }
}
