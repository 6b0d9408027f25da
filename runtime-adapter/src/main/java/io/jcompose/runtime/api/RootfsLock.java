package io.jcompose.runtime.api;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An exclusive lock on one container's file system ({@code <container dir>/rootfs.lock}): a start
 * holds it while the shim mounts the container's overlay, {@code cp} into a stopped container while
 * it has that overlay mounted elsewhere. Two mounts of one upper directory at once would leave its
 * files undefined. The lock is a POSIX record lock between processes and a semaphore between the
 * threads of one process (record locks do not exclude threads of the same process).
 */
public final class RootfsLock implements AutoCloseable {

  /** The lock file's name in the container directory. */
  public static final String FILE = "rootfs.lock";

  private static final ConcurrentHashMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();
  private static final long POLL_MILLIS = 20;

  private final Semaphore local;
  private final FileChannel channel;
  private final FileLock lock;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  private RootfsLock(Semaphore local, FileChannel channel, FileLock lock) {
    this.local = local;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of the container whose directory is {@code containerDir}, waiting at most {@code
   * wait}; fails with a {@link ConflictException} naming {@code what} holds it after that.
   *
   * @param doing what the caller is about to do, for the message ("start", "cp")
   */
  public static RootfsLock acquire(
      Path containerDir, String containerName, String doing, Duration wait) {
    Path key = containerDir.toAbsolutePath().normalize();
    Semaphore local = IN_PROCESS.computeIfAbsent(key, k -> new Semaphore(1));
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      if (!local.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw busy(containerName, doing, wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuntimeFailure("container " + containerName + ": interrupted waiting to " + doing);
    }
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(key.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      while (true) {
        FileLock lock = channel.tryLock();
        if (lock != null) {
          return new RootfsLock(local, channel, lock);
        }
        if (System.nanoTime() >= deadline) {
          throw busy(containerName, doing, wait);
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (IOException | OverlappingFileLockException e) {
      release(local, channel);
      throw new RuntimeFailure(
          "container " + containerName + ": cannot lock its file system: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      release(local, channel);
      Thread.currentThread().interrupt();
      throw new RuntimeFailure("container " + containerName + ": interrupted waiting to " + doing);
    } catch (RuntimeException e) {
      release(local, channel);
      throw e;
    }
  }

  private static ConflictException busy(String containerName, String doing, Duration wait) {
    return new ConflictException(
        "container "
            + containerName
            + ": a cp or a start holds its file system (waited "
            + wait.toMillis()
            + " ms); "
            + doing
            + " again once that has ended");
  }

  private static void release(Semaphore local, FileChannel channel) {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // Closing the channel drops the lock; nothing else is held.
    } finally {
      local.release();
    }
  }

  /** Releases the lock; a second call does nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      lock.release();
    } catch (IOException e) {
      // The channel's close below drops the lock all the same.
    }
    release(local, channel);
  }
}
