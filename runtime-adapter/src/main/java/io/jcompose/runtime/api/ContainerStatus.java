package io.jcompose.runtime.api;

/** Lifecycle state of a container, named as Docker names them. */
public enum ContainerStatus {
  CREATED,
  RUNNING,
  PAUSED,
  RESTARTING,
  EXITED,
  DEAD;

  /** The lower-case word docker prints ({@code running}, {@code exited}…). */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
