package io.jcompose.runtime.image;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * One-line descriptions of I/O failures for users: NIO's exceptions often carry only a path.
 *
 * <p>Public only so the volume store shares it; not an api.
 */
public final class IoMessages {

  private IoMessages() {}

  /** What went wrong, with the path when there is one. */
  public static String describe(IOException e) {
    String what;
    if (e instanceof NoSuchFileException) {
      what = "no such file or directory";
    } else if (e instanceof FileAlreadyExistsException) {
      what = "already exists";
    } else if (e instanceof AccessDeniedException) {
      what = "permission denied";
    } else if (e instanceof DirectoryNotEmptyException) {
      what = "directory not empty";
    } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
      what = fs.getReason();
    } else {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    FileSystemException fs = (FileSystemException) e;
    return (fs.getFile() == null ? "" : fs.getFile() + ": ") + what;
  }
}
