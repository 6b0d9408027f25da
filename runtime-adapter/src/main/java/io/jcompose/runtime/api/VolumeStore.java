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
}
