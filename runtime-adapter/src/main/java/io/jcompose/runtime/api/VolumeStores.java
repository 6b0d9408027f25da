package io.jcompose.runtime.api;

import io.jcompose.runtime.volume.LocalVolumeStore;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.function.Predicate;

/** Opens the built-in directory-backed volume store under {@link RuntimePaths#volumes()}. */
public final class VolumeStores {

  private VolumeStores() {}

  /**
   * Opens (creating if needed) the store; every volume counts as unused by containers. The runtime
   * uses {@link #open(Vertx, RuntimePaths, Predicate)}.
   *
   * @throws RuntimeFailure when the volumes directory cannot be read or created
   */
  public static VolumeStore open(Vertx vertx, RuntimePaths paths) {
    return open(vertx, paths, name -> false);
  }

  /**
   * Opens (creating if needed) the store.
   *
   * @param volumeInUse says whether a container (running or not) mounts the volume of this name;
   *     such a volume is never removed or pruned. Called on a worker thread; it may refer to a
   *     runtime created later.
   * @throws RuntimeFailure when the volumes directory cannot be read or created
   */
  public static VolumeStore open(Vertx vertx, RuntimePaths paths, Predicate<String> volumeInUse) {
    try {
      return new LocalVolumeStore(vertx, paths.volumes(), volumeInUse);
    } catch (IOException e) {
      throw new RuntimeFailure(
          "volume store "
              + paths.volumes()
              + ": cannot open: "
              + e.getMessage()
              + "; check the directory's permissions",
          e);
    }
  }
}
