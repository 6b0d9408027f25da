package io.jcompose.runtime.linux;

import io.jcompose.runtime.api.RuntimeFailure;
import java.util.List;
import java.util.Locale;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/** Signal names and numbers (x86_64/arm64 Linux), and sending them. */
final class Signals {
  private static final List<String> NAMES =
      List.of(
          "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV",
          "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU",
          "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS");

  static final int SIGKILL = 9;

  private static final POSIX POSIX = POSIXFactory.getNativePOSIX();

  private Signals() {}

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
    return POSIX.kill(pid, signal) == 0;
  }
}
