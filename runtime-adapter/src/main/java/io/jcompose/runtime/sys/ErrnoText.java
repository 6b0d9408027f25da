package io.jcompose.runtime.sys;

import jnr.constants.platform.Errno;

/** Words for a Linux errno in messages, shared by the runtime's libc bindings. */
public final class ErrnoText {
  private ErrnoText() {}

  /** {@code File exists (EEXIST)} for 17; {@code errno N} for a number libc does not name. */
  public static String of(int errno) {
    Errno e = Errno.valueOf(errno);
    if (e == null || e == Errno.__UNKNOWN_CONSTANT__) {
      return "errno " + errno;
    }
    return e.description() + " (" + e.name() + ")";
  }
}
