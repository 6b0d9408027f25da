package io.jcompose.cli;

import io.jcompose.cli.client.DaemonClient;
import io.jcompose.cli.client.DaemonException;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.Map;

/**
 * The attached half of an interactive {@code run}: opens the daemon's attach stream for the
 * container {@code run} created and relays it. With {@code --rm}, an attach that fails (the upgrade
 * refused, an error frame, the stream lost) asks the daemon to remove the container unless it runs:
 * the daemon removes a {@code --rm} container only after a start it made, and this one may never
 * have started.
 */
final class RunAttach {

  /** What relays an opened stream; returns the command's exit code. */
  interface Relay {
    int relay(SocketChannel channel) throws IOException;
  }

  private final DaemonClient daemon;
  private final String project;
  private final String container;
  private final boolean remove;

  RunAttach(DaemonClient daemon, String project, String container, boolean remove) {
    this.daemon = daemon;
    this.project = project;
    this.container = container;
    this.remove = remove;
  }

  /**
   * Opens the stream with the terminal size {@code columns} x {@code lines} and relays it; a
   * failure's message ends with what is left when the container could not be removed.
   */
  int run(int columns, int lines, Relay relay) throws IOException {
    try {
      SocketChannel channel =
          daemon.attach(
              project,
              "run/attach",
              Map.of(
                  "container", container,
                  "remove", Boolean.toString(remove),
                  "columns", Integer.toString(columns),
                  "lines", Integer.toString(lines)));
      return relay.relay(channel);
    } catch (IOException e) {
      throw new IOException(e.getMessage() + leftBehind(), e);
    } catch (CliException e) {
      throw new CliException(e.getMessage() + leftBehind(), e.exitCode(), e);
    }
  }

  /** Removes the container after a failed attach with --rm; says what is left when it cannot. */
  private String leftBehind() {
    if (!remove) {
      return "";
    }
    try {
      daemon.project(
          project, "container/rm", Map.of("container", container, "force", false), e -> {});
      return "";
    } catch (DaemonException e) {
      if (e.kind().equals("not_found")) {
        return ""; // the daemon removed it already
      }
      return "; container " + container + " is left: " + e.getMessage();
    }
  }
}
