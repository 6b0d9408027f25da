package io.jcompose.runtime.linux;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A raw descriptor read and written as Java streams; closed once every stream over it is closed, so
 * a thread still writing never reaches a number the kernel has handed out again.
 */
final class SharedFd {
  private final int fd;
  private int users;
  private boolean closed;

  SharedFd(int fd) {
    this.fd = fd;
  }

  int fd() {
    return fd;
  }

  /** A stream reading the descriptor; {@code EIO} (a terminal whose other side closed) is EOF. */
  synchronized InputStream input() {
    users++;
    return new InputStream() {
      private boolean done;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        byte[] buf = off == 0 ? b : new byte[len];
        while (true) {
          long n = StdioCalls.libc().read(fd, buf, len);
          if (n > 0) {
            if (buf != b) {
              System.arraycopy(buf, 0, b, off, (int) n);
            }
            return (int) n;
          }
          if (n == 0) {
            return -1;
          }
          int errno = StdioCalls.errno();
          if (errno == StdioCalls.EIO) {
            return -1;
          }
          if (errno != StdioCalls.EINTR) {
            throw new IOException("reading a container's stream: errno " + errno);
          }
        }
      }

      @Override
      public void close() {
        if (!done) {
          done = true;
          release();
        }
      }
    };
  }

  /** A stream writing the descriptor; {@code closes} says whether closing it may close the fd. */
  synchronized OutputStream output() {
    users++;
    return new OutputStream() {
      private boolean done;

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        byte[] rest =
            off == 0 && len == b.length ? b : java.util.Arrays.copyOfRange(b, off, off + len);
        while (rest.length > 0) {
          long n = StdioCalls.libc().write(fd, rest, rest.length);
          if (n < 0) {
            int errno = StdioCalls.errno();
            if (errno == StdioCalls.EINTR) {
              continue;
            }
            throw new IOException("writing a container's stdin: errno " + errno);
          }
          rest = java.util.Arrays.copyOfRange(rest, (int) n, rest.length);
        }
      }

      @Override
      public void close() {
        if (!done) {
          done = true;
          release();
        }
      }
    };
  }

  /** Closes the descriptor now if no stream uses it, else when the last one closes. */
  synchronized void closeWhenUnused() {
    if (users == 0) {
      closeNow();
    }
  }

  private synchronized void release() {
    users--;
    if (users == 0) {
      closeNow();
    }
  }

  private void closeNow() {
    if (!closed) {
      closed = true;
      StdioCalls.libc().close(fd);
    }
  }
}
