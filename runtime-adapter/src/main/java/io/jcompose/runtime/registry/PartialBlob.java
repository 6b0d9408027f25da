package io.jcompose.runtime.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A blob being downloaded: the file under the store's download directory and the sha256 of what has
 * been written so far, kept across attempts so that a resumed download appends and keeps hashing
 * where it stopped. Closing deletes the file unless it was {@link #keep kept}.
 */
final class PartialBlob implements AutoCloseable {

  private final Path file;
  private final FileChannel channel;
  private MessageDigest sha256 = newDigest();
  private long written;
  private boolean finished;
  private volatile IOException writeFailure;

  PartialBlob(Path file) throws IOException {
    this.file = file;
    this.channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
  }

  Path file() {
    return file;
  }

  synchronized long written() {
    return written;
  }

  /**
   * Appends the buffers with one gathering write and hashes them; a failure is remembered as local
   * (disk), not network.
   */
  synchronized void write(List<ByteBuffer> buffers) throws IOException {
    ByteBuffer[] array = buffers.toArray(new ByteBuffer[0]);
    long n = 0;
    for (ByteBuffer b : array) {
      sha256.update(b.duplicate());
      n += b.remaining();
    }
    try {
      for (long left = n; left > 0; ) {
        left -= channel.write(array);
      }
    } catch (IOException e) {
      writeFailure = e;
      throw e;
    }
    written += n;
  }

  /** Starts over from byte 0, for a server that ignored a Range request. */
  synchronized void reset() throws IOException {
    channel.truncate(0);
    channel.position(0);
    sha256 = newDigest();
    written = 0;
  }

  /** The disk error that stopped the last attempt, if any. */
  IOException writeFailure() {
    return writeFailure;
  }

  /** Flushes and closes the file and returns the digest of its content. */
  synchronized String finish() throws IOException {
    channel.force(false);
    channel.close();
    return "sha256:" + HexFormat.of().formatHex(sha256.digest());
  }

  /** Keeps the file on close: it was verified and is about to move into the store. */
  synchronized void keep() {
    finished = true;
  }

  @Override
  public synchronized void close() throws IOException {
    if (channel.isOpen()) {
      channel.close();
    }
    if (!finished) {
      Files.deleteIfExists(file);
    }
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
