package io.jcompose.runtime.linux;

import io.jcompose.runtime.api.RuntimeFailure;
import java.util.List;
import java.util.Locale;
import jnr.ffi.LibraryLoader;

/**
 * Signal names and numbers (x86_64/arm64 Linux), and sending them. {@code kill(2)} is bound alone
 * through jnr-ffi: jnr-posix's whole POSIX binding took the first {@code stop} of a fresh daemon
 * most of a second to generate (every container's stop waited on that class initialisation).
 */
final class Signals {
  /** The one libc function used. */
  public interface LibC {
    int kill(int pid, int signal);
  }

  private static final List<String> NAMES =
      List.of(
          "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV",
          "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU",
          "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS");

  static final int SIGKILL = 9;

  private static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");

  private Signals() {}

  /** Binds {@code kill(2)} now (class initialisation), so that the first stop does not wait. */
  static void bind() {
    // Nothing more: calling this initialises the class.
  }

  /** {@code SIGTERM}, {@code TERM}, {@code 15}, {@code RTMIN+2} to a number. */
  static int parse(String signal) {
    String s = signal.trim().toUpperCase(Locale.ROOT);
    if (s.startsWith("SIG")) {
      s = s.substring(3);
    }
    try {
      int n = Integer.parseInt(s);
      if (n > 0 && n <= 64) {
        return n;
      }
    } catch (NumberFormatException e) {
      int index = NAMES.indexOf(s);
      if (index > 0) {
        return index;
      }
      if (s.startsWith("RTMIN+")) {
        return 34 + Integer.parseInt(s.substring(6));
      }
    }
    throw new RuntimeFailure(
        "invalid signal: " + signal + " (expected a name like SIGTERM or a number)");
  }

  /** Sends a signal; false when the process no longer exists. */
  static boolean send(int pid, int signal) {
    if (pid <= 0) {
      return false;
    }
    return LIBC.kill(pid, signal) == 0;
  }
}
