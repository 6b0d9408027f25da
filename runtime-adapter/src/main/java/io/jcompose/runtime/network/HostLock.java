package io.jcompose.runtime.network;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A host-wide advisory lock ({@code /run/lock/jcompose-network.lock}) held while a subnet is chosen
 * and its bridge created. Where the lock file cannot be opened the work goes on unlocked: the lock
 * only narrows a race between drivers, it is not needed for correctness of one driver.
 */
final class HostLock implements AutoCloseable {
  private static final Path FILE = Path.of("/run/lock/jcompose-network.lock");
  private final FileChannel channel;
  private final FileLock lock;

  private HostLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static HostLock acquire() {
    FileChannel ch = null;
    try {
      Files.createDirectories(FILE.getParent());
      ch = FileChannel.open(FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      return new HostLock(ch, ch.lock());
    } catch (IOException | RuntimeException e) {
      if (ch != null) {
        try {
          ch.close();
        } catch (IOException ignored) {
          // the lock is given up either way
        }
      }
      return new HostLock(null, null);
    }
  }

  @Override
  public void close() {
    try {
      if (lock != null) {
        lock.release();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // Closing the channel releases the lock anyway.
    }
  }
}
