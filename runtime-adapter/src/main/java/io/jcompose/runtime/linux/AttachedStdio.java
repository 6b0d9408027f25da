package io.jcompose.runtime.linux;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The standard streams of an interactively run container, held by this process: three pipes, or a
 * pseudo terminal whose master side stays here. The shim opens the container's ends by their {@code
 * /proc/PID/fd} paths ({@code run --stdin/--stdout/--stderr} or {@code --tty}); once it has
 * started, {@link #closeContainerEnds()} drops our copies so that end of file follows the
 * container's.
 */
final class AttachedStdio implements AutoCloseable {
  private final SharedFd terminal;
  private final String slave;
  private final int[] in;
  private final int[] out;
  private final int[] err;
  private final List<Integer> containerEnds = new ArrayList<>();
  private InputStream stdout;
  private InputStream stderr;
  private OutputStream stdin;

  private AttachedStdio(SharedFd terminal, String slave, int[] in, int[] out, int[] err) {
    this.terminal = terminal;
    this.slave = slave;
    this.in = in;
    this.out = out;
    this.err = err;
  }

  /** Three pipes: stdin, stdout and stderr stay apart. */
  static AttachedStdio pipes() {
    int[] in = StdioCalls.pipe();
    int[] out = null;
    int[] err = null;
    try {
      out = StdioCalls.pipe();
      err = StdioCalls.pipe();
    } catch (RuntimeException e) {
      closeAll(in, out);
      throw e;
    }
    AttachedStdio s = new AttachedStdio(null, null, in, out, err);
    s.containerEnds.addAll(List.of(in[0], out[1], err[1]));
    return s;
  }

  /** A pseudo terminal of the given size (0: the kernel's default). */
  static AttachedStdio terminal(int columns, int lines) {
    int master = StdioCalls.openTerminal();
    try {
      String slave = StdioCalls.slaveName(master);
      StdioCalls.resize(master, columns, lines);
      return new AttachedStdio(new SharedFd(master), slave, null, null, null);
    } catch (RuntimeException e) {
      StdioCalls.libc().close(master);
      throw e;
    }
  }

  /** The shim's {@code run} options that hand these streams to the container. */
  List<String> shimArgs() {
    if (terminal != null) {
      return List.of("--tty", slave);
    }
    return List.of(
        "--stdin", StdioCalls.procPath(in[0]),
        "--stdout", StdioCalls.procPath(out[1]),
        "--stderr", StdioCalls.procPath(err[1]));
  }

  /** Drops our copies of the container's ends, once the shim has opened them. */
  synchronized void closeContainerEnds() {
    for (int fd : containerEnds) {
      StdioCalls.libc().close(fd);
    }
    containerEnds.clear();
  }

  /** The container's stdin; closing it sends end of file (with a terminal: nothing). */
  synchronized OutputStream stdin() {
    if (stdin == null) {
      stdin = terminal != null ? terminal.output() : new SharedFd(in[1]).output();
    }
    return stdin;
  }

  /** The container's stdout (with a terminal: everything it shows). */
  synchronized InputStream stdout() {
    if (stdout == null) {
      stdout = terminal != null ? terminal.input() : new SharedFd(out[0]).input();
    }
    return stdout;
  }

  /** The container's stderr; at its end at once with a terminal. */
  synchronized InputStream stderr() {
    if (stderr == null) {
      stderr = terminal != null ? InputStream.nullInputStream() : new SharedFd(err[0]).input();
    }
    return stderr;
  }

  /** Sets the terminal's size; the container's foreground process gets SIGWINCH. */
  void resize(int columns, int lines) {
    if (terminal != null) {
      StdioCalls.resize(terminal.fd(), columns, lines);
    }
  }

  /** Closes every descriptor: for a start that failed, before any stream was handed out. */
  @Override
  public synchronized void close() {
    closeContainerEnds();
    if (terminal != null) {
      terminal.closeWhenUnused();
    } else {
      closeAll(new int[] {in[1]}, new int[] {out[0]}, new int[] {err[0]});
    }
  }

  private static void closeAll(int[]... pairs) {
    for (int[] fds : pairs) {
      if (fds != null) {
        for (int fd : fds) {
          StdioCalls.libc().close(fd);
        }
      }
    }
  }
}
