package io.jcompose.model.loader;

/** Builds the dotted tree paths used in error messages ({@code services.web.ports[1]}). */
final class TreePath {
  private TreePath() {}

  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static String index(String path, int i) {
    return path + "[" + i + "]";
  }
}
