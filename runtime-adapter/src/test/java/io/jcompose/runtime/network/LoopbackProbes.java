package io.jcompose.runtime.network;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** What the published-port tests send through a host port: HTTP on TCP, a datagram on UDP. */
public final class LoopbackProbes {
  private LoopbackProbes() {}

  /** {@code GET /} over HTTP/1.0; fails when nothing answers or the connection closes empty. */
  public static String httpGet(String host, int port) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 2000);
      s.setSoTimeout(5000);
      s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String text = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (text.isEmpty()) {
        throw new IOException("connection closed without an answer");
      }
      return text;
    }
  }

  /**
   * Sends "ping" to 127.0.0.1:{@code port} up to 5 times (an echo server may still be starting) and
   * returns the first answer, or null when none came within {@code timeoutMs} of a send.
   */
  public static String udpPing(int port, int timeoutMs) throws IOException {
    try (DatagramSocket s = new DatagramSocket()) {
      s.setSoTimeout(timeoutMs);
      for (int attempt = 0; attempt < 5; attempt++) {
        byte[] out = "ping".getBytes(StandardCharsets.UTF_8);
        s.send(new DatagramPacket(out, out.length, InetAddress.getLoopbackAddress(), port));
        byte[] in = new byte[64];
        DatagramPacket p = new DatagramPacket(in, in.length);
        try {
          s.receive(p);
          return new String(in, 0, p.getLength(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
          // Send again.
        }
      }
      return null;
    }
  }

  /**
   * The first of {@code count} consecutive ports free for TCP and UDP right now, drawn below the
   * kernel's ephemeral range (32768 and up): there, outgoing connections cannot take one between
   * this check and the test's bind, and a burst of them (tens of thousands in TIME_WAIT after a
   * benchmark) does not leave every port taken.
   */
  public static int freePorts(int count) {
    for (int attempt = 0; attempt < 200; attempt++) {
      int first = ThreadLocalRandom.current().nextInt(20000, 32000 - count);
      if (allFree(first, count)) {
        return first;
      }
    }
    throw new IllegalStateException("no " + count + " consecutive free ports in 20000-32000");
  }

  private static boolean allFree(int first, int count) {
    for (int port = first; port < first + count; port++) {
      try (ServerSocket tcp = new ServerSocket(port);
          DatagramSocket udp = new DatagramSocket(port)) {
        // Both bound: free.
      } catch (IOException taken) {
        return false;
      }
    }
    return true;
  }
}
