package io.jcompose.cli.client;

/**
 * A request the daemon refused or could not carry out. The message is the daemon's one line for the
 * user; {@link #kind()} says which category ({@code not_found}, {@code conflict}, {@code invalid},
 * {@code model} (invalid compose files the daemon loaded), {@code runtime}, {@code version}, {@code
 * unavailable}).
 */
public final class DaemonException extends RuntimeException {

  private final String kind;

  /** A failure of the given kind with the daemon's message. */
  public DaemonException(String kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** A failure caused by {@code cause} (e.g. the socket broke). */
  public DaemonException(String kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** The category of failure. */
  public String kind() {
    return kind;
  }
}
