package io.jcompose.model.api;

/**
 * A compose file (or the options used to load it) is invalid. The message is one line starting with
 * the file and the tree path, e.g. {@code compose.yaml: services.web.ports[1]: invalid port "80:x";
 * expected [HOST:]CONTAINER[/PROTOCOL]}.
 */
public final class ComposeFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String path;
  private final String detail;

  /**
   * An error at {@code path} in {@code file}.
   *
   * @param file the file as the user named it (or its base name), may be null when no file is
   *     involved
   * @param path tree path such as {@code services.web.ports[1]}, may be null or empty
   * @param detail what is wrong and, when likely, the fix
   */
  public ComposeFileException(String file, String path, String detail) {
    this(file, path, detail, null);
  }

  /** Like {@link #ComposeFileException(String, String, String)} with the underlying cause. */
  public ComposeFileException(String file, String path, String detail, Throwable cause) {
    super(format(file, path, detail), cause);
    this.file = file;
    this.path = path;
    this.detail = detail;
  }

  private static String format(String file, String path, String detail) {
    StringBuilder b = new StringBuilder();
    if (file != null && !file.isEmpty()) {
      b.append(file).append(": ");
    }
    if (path != null && !path.isEmpty()) {
      b.append(path).append(": ");
    }
    return b.append(detail.replace('\n', ' ')).toString();
  }

  /** The file the error is in, or null. */
  public String file() {
    return file;
  }

  /** The tree path of the offending value, or null. */
  public String path() {
    return path;
  }

  /** What is wrong, without file and path. */
  public String detail() {
    return detail;
  }
}
