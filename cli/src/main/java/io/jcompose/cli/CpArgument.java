package io.jcompose.cli;

/**
 * One side of {@code cp}: {@code SERVICE:PATH} in a container, or a local path ({@code -} for a tar
 * stream). Like docker cp, a path that starts with {@code /} or {@code .} is always local, so local
 * names with a colon can be written {@code ./a:b}.
 */
record CpArgument(String service, String path) {

  static CpArgument parse(String arg) {
    if (arg.equals("-") || arg.startsWith("/") || arg.startsWith(".")) {
      return new CpArgument(null, arg);
    }
    int colon = arg.indexOf(':');
    if (colon <= 0) {
      return new CpArgument(null, arg);
    }
    return new CpArgument(arg.substring(0, colon), arg.substring(colon + 1));
  }

  boolean inContainer() {
    return service != null;
  }
}
