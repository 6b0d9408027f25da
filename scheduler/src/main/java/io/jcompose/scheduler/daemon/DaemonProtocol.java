package io.jcompose.scheduler.daemon;

/**
 * Constants both ends of the daemon API agree on (see {@code docs/API.md}): the path prefix, the
 * header carrying the client's version and the NDJSON media type of event streams.
 */
public final class DaemonProtocol {

  /** Every route starts with this; bumped when a route changes incompatibly. */
  public static final String PREFIX = "/v1";

  /**
   * Request header with the client's full version ({@code version+build}). A daemon of another
   * build answers 409 with kind {@code version} so the client can replace it.
   */
  public static final String VERSION_HEADER = "Jcompose-Version";

  /** Media type of streamed responses: one JSON object a line. */
  public static final String NDJSON = "application/x-ndjson";

  /** Event type of the last line of a successful stream; carries {@code result}. */
  public static final String DONE = "done";

  /** Event type of the last line of a failed stream; carries {@code kind} and {@code message}. */
  public static final String ERROR = "error";

  private DaemonProtocol() {}
}
