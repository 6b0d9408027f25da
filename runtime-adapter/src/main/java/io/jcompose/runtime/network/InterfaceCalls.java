package io.jcompose.runtime.network;

import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;

/**
 * The host-side steps of an endpoint done in-process with ioctls (enslave to the bridge, bring up)
 * and {@code umount2}, so that attaching costs one process and detaching one as well. When libc
 * cannot be bound, {@link #available()} is false and callers fall back to {@code ip}/{@code
 * umount}.
 */
final class InterfaceCalls {
  /** The libc functions used, bound by jnr-ffi. */
  public interface LibC {
    int socket(int domain, int type, int protocol);

    int ioctl(int fd, long request, @In @Out byte[] ifreq);

    int close(int fd);

    int umount2(String target, int flags);
  }

  private static final int AF_INET = 2;
  private static final int SOCK_DGRAM = 2;
  private static final int SOCK_CLOEXEC = 02000000;
  private static final long SIOCGIFFLAGS = 0x8913;
  private static final long SIOCSIFFLAGS = 0x8914;
  private static final long SIOCBRADDIF = 0x89a2;
  private static final short IFF_UP = 1;
  private static final int MNT_DETACH = 2;
  private static final int IFREQ_SIZE = 40;
  private static final LibC LIBC = load();

  private InterfaceCalls() {}

  private static LibC load() {
    try {
      return LibraryLoader.create(LibC.class).load("c");
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  static boolean available() {
    return LIBC != null;
  }

  /** Enslaves each host veth to its bridge and brings it up. */
  static void plug(String what, Iterable<NamespaceScripts.Plug> plugs) {
    int fd = LIBC.socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
      throw failure(what, "socket", "");
    }
    try {
      for (NamespaceScripts.Plug p : plugs) {
        String veth = p.endpoint().hostVeth();
        byte[] add = ifreq(p.bridge());
        ByteBuffer.wrap(add).order(ByteOrder.nativeOrder()).putInt(16, ifindex(what, veth));
        if (LIBC.ioctl(fd, SIOCBRADDIF, add) < 0) {
          throw failure(what, "adding " + veth + " to bridge", p.bridge());
        }
        byte[] flags = ifreq(veth);
        if (LIBC.ioctl(fd, SIOCGIFFLAGS, flags) < 0) {
          throw failure(what, "reading flags of", veth);
        }
        ByteBuffer b = ByteBuffer.wrap(flags).order(ByteOrder.nativeOrder());
        b.putShort(16, (short) (b.getShort(16) | IFF_UP));
        if (LIBC.ioctl(fd, SIOCSIFFLAGS, flags) < 0) {
          throw failure(what, "bringing up", veth);
        }
      }
    } finally {
      LIBC.close(fd);
    }
  }

  /** Detaches a bind mount (the namespace file); false when it was not mounted. */
  static boolean unmount(Path file) {
    return LIBC.umount2(file.toString(), MNT_DETACH) == 0;
  }

  private static byte[] ifreq(String name) {
    byte[] ifr = new byte[IFREQ_SIZE];
    byte[] n = name.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(n, 0, ifr, 0, Math.min(n.length, 15));
    return ifr;
  }

  private static int ifindex(String what, String device) {
    try {
      return Integer.parseInt(
          Files.readString(Path.of("/sys/class/net", device, "ifindex")).strip());
    } catch (IOException | NumberFormatException e) {
      throw new RuntimeFailure(what + ": device " + device + " is missing: " + e.getMessage(), e);
    }
  }

  private static RuntimeFailure failure(String what, String step, String device) {
    int errno = LastError.getLastError(Runtime.getRuntime(LIBC));
    String text = jnr.constants.platform.Errno.valueOf(errno).description();
    return new RuntimeFailure(what + ": " + step + " " + device + ": " + text);
  }
}
