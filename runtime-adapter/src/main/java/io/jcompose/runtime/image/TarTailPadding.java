package io.jcompose.runtime.image;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Supplies the zero padding and end-of-archive blocks a layer tar may lack: some writers (umoci)
 * stop right after the last entry's content, which Docker accepts. Only what comes after the real
 * end is made up; {@link #synthesized()} tells when a reader has consumed made-up bytes, so content
 * cut short is still caught.
 */
final class TarTailPadding extends InputStream {

  private static final int BLOCK = 512;

  private final InputStream in;
  private long real;
  private long delivered;
  private long syntheticLeft = -1;

  TarTailPadding(InputStream in) {
    this.in = in;
  }

  /** Whether bytes that were not in the stream have been read. */
  boolean synthesized() {
    return delivered > real;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (syntheticLeft < 0) {
      int n = in.read(b, off, len);
      if (n > 0) {
        real += n;
        delivered += n;
        return n;
      }
      if (n == 0) {
        return 0;
      }
      syntheticLeft = (BLOCK - real % BLOCK) % BLOCK + 2L * BLOCK;
    }
    if (syntheticLeft == 0) {
      return -1;
    }
    int k = (int) Math.min(len, syntheticLeft);
    Arrays.fill(b, off, off + k, (byte) 0);
    syntheticLeft -= k;
    delivered += k;
    return k;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
