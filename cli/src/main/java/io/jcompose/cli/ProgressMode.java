package io.jcompose.cli;

/** How progress is shown: {@code --progress auto|tty|plain|json|quiet}. */
enum ProgressMode {
  AUTO,
  TTY,
  PLAIN,
  JSON,
  QUIET;

  /** AUTO resolved against whether stderr is a terminal. */
  ProgressMode resolve(boolean terminal) {
    return this == AUTO ? (terminal ? TTY : PLAIN) : this;
  }
}
