package io.jcompose.runtime.api;

import io.jcompose.runtime.image.LocalImageStore;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.function.Predicate;

/** Opens the built-in image store under {@link RuntimePaths#images()}. */
public final class ImageStores {

  private ImageStores() {}

  /**
   * Opens (creating if needed) the store; every image counts as unused by containers, so {@code
   * remove} deletes what it untags. The runtime uses {@link #open(Vertx, RuntimePaths, Predicate)}.
   *
   * @throws RuntimeFailure when the store directory cannot be read or created
   */
  public static ImageStore open(Vertx vertx, RuntimePaths paths) {
    return open(vertx, paths, imageId -> false);
  }

  /**
   * Opens (creating if needed) the store.
   *
   * @param imageInUse says whether a container (running or not) uses the image with this id ({@code
   *     sha256:…}); such an image is never deleted, and untagging its last tag needs {@code force}.
   *     Called on a worker thread; it may refer to a runtime created later.
   * @throws RuntimeFailure when the store directory cannot be read or created
   */
  public static ImageStore open(Vertx vertx, RuntimePaths paths, Predicate<String> imageInUse) {
    try {
      return new LocalImageStore(vertx, paths.images(), imageInUse);
    } catch (IOException e) {
      throw new RuntimeFailure(
          "image store "
              + paths.images()
              + ": cannot open: "
              + e.getMessage()
              + "; check the directory's permissions",
          e);
    }
  }
}
