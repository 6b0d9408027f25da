package io.jcompose.scheduler.engine;

/**
 * The answer of a gate to a container's current state: keep waiting, go, or fail with a reason.
 *
 * @param kind which of the three
 * @param reason why it failed, one line; null unless failed
 */
record Verdict(Kind kind, String reason) {

  enum Kind {
    WAIT,
    PASS,
    FAIL
  }

  static final Verdict WAIT = new Verdict(Kind.WAIT, null);
  static final Verdict PASS = new Verdict(Kind.PASS, null);

  static Verdict fail(String reason) {
    return new Verdict(Kind.FAIL, reason);
  }
}
