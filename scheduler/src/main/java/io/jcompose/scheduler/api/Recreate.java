package io.jcompose.scheduler.api;

/** When {@code up}/{@code create} replaces an existing container. */
public enum Recreate {
  /** Only when its configuration hash differs from the desired one (the default). */
  DIVERGED,
  /** Always ({@code --force-recreate}). */
  FORCE,
  /** Never ({@code --no-recreate}). */
  NEVER
}
