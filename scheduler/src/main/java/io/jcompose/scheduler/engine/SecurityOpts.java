package io.jcompose.scheduler.engine;

/** The {@code security_opt} entries jcompose applies; others are reported as unsupported. */
final class SecurityOpts {

  private SecurityOpts() {}

  /** Whether {@code opt} sets no_new_privs (Docker accepts a value after "=" or ":"). */
  static boolean isNoNewPrivileges(String opt) {
    return opt.equals("no-new-privileges")
        || opt.equals("no-new-privileges:true")
        || opt.equals("no-new-privileges=true");
  }

  /** Whether {@code opt} asks for no_new_privs off, which is the default anyway. */
  private static boolean isNoNewPrivilegesOff(String opt) {
    return opt.equals("no-new-privileges:false") || opt.equals("no-new-privileges=false");
  }

  /** Whether {@code opt} turns the seccomp filter off (Docker accepts "=" and the older ":"). */
  static boolean isSeccompUnconfined(String opt) {
    return opt.equals("seccomp=unconfined") || opt.equals("seccomp:unconfined");
  }

  /** Whether jcompose applies {@code opt}. */
  static boolean isApplied(String opt) {
    return isNoNewPrivileges(opt) || isNoNewPrivilegesOff(opt) || isSeccompUnconfined(opt);
  }
}
