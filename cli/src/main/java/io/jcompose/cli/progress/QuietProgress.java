package io.jcompose.cli.progress;

import io.jcompose.scheduler.api.ProgressEvent;

/**
 * Shows nothing ({@code --progress quiet}); failures still reach the user as the command's error.
 */
final class QuietProgress implements ProgressView {

  @Override
  public void show(ProgressEvent event) {}

  @Override
  public void close() {}
}
