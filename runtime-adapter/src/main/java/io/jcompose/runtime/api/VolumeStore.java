package io.jcompose.runtime.api;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/** Directory-backed named volumes. */
public interface VolumeStore {

  /** Creates a volume, or returns the existing one of that name. */
  Future<Volume> create(String name, Map<String, String> labels);

  /** The volume of that name, or a {@link NotFoundException}. */
  Future<Volume> inspect(String name);

  /** Every volume whose labels include every given label. */
  Future<List<Volume>> list(Map<String, String> labelFilter);

  /** Removes a volume; a {@link ConflictException} while a container uses it. */
  Future<Void> remove(String name);

  /** Removes every volume no container uses; returns their names. */
  Future<List<String>> prune(Map<String, String> labelFilter);

  /**
   * Fills an empty volume with what the image has at {@code containerPath}, as Docker does when a
   * container first mounts a named or anonymous volume there: the image's layers merged (upper
   * layers win, whiteouts and opaque directories respected), owners, modes, times, symlinks and
   * device nodes kept; the volume's directory takes the owner and mode of the image's directory.
   * Does nothing when the volume already has content or the image has no directory there. Call it
   * at container creation, before the container starts, unless the mount asks for {@code nocopy}.
   *
   * @return whether content was copied
   */
  default Future<Boolean> populateFromImage(String name, Image image, String containerPath) {
    return Future.failedFuture(
        new RuntimeFailure(
            "volume " + name + ": this volume store cannot fill volumes from images"));
  }
}
