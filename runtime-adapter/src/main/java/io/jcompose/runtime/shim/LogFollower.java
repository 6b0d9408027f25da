package io.jcompose.runtime.shim;

import io.jcompose.runtime.api.LogLine;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads lines appended to {@code container.log} since the last call, across rotations: the open
 * channel keeps reading the renamed file to its end before switching to the new one. Blocking; one
 * reader at a time.
 */
public final class LogFollower implements AutoCloseable {
  private final Path file;
  private FileChannel channel;
  private Object fileKey;
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

  /** Starts at the beginning of the current log file, or at its end. */
  public LogFollower(Path stateDir, boolean fromStart) {
    this.file = stateDir.resolve(LogFiles.FILE);
    open(!fromStart);
  }

  private void open(boolean atEnd) {
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
      fileKey = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
      if (atEnd) {
        channel.position(channel.size());
      }
    } catch (NoSuchFileException e) {
      channel = null;
    } catch (IOException e) {
      throw new RuntimeFailure("opening log " + file + ": " + e.getMessage(), e);
    }
  }

  /** The complete lines written since the last call. */
  public List<LogLine> poll() {
    List<LogLine> out = new ArrayList<>();
    if (channel == null) {
      open(false);
      if (channel == null) {
        return out;
      }
    }
    readAvailable(out);
    if (rotated()) {
      closeChannel();
      open(false);
      if (channel != null) {
        readAvailable(out);
      }
    }
    return out;
  }

  private boolean rotated() {
    try {
      Object now = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
      return !now.equals(fileKey);
    } catch (IOException e) {
      return false;
    }
  }

  private void readAvailable(List<LogLine> out) {
    ByteBuffer buf = ByteBuffer.allocate(65536);
    try {
      while (channel.read(buf) > 0) {
        buf.flip();
        while (buf.hasRemaining()) {
          byte b = buf.get();
          if (b == '\n') {
            LogLine line = LogFiles.parse(partial.toString(StandardCharsets.UTF_8));
            if (line != null) {
              out.add(line);
            }
            partial.reset();
          } else {
            partial.write(b);
          }
        }
        buf.clear();
      }
    } catch (IOException e) {
      throw new RuntimeFailure("reading log " + file + ": " + e.getMessage(), e);
    }
  }

  private void closeChannel() {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // Closing a read-only channel loses nothing.
    }
    channel = null;
    partial.reset();
  }

  @Override
  public void close() {
    closeChannel();
  }
}
