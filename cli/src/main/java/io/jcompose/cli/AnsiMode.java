package io.jcompose.cli;

/** Whether to print colours and cursor control: {@code --ansi never|always|auto}. */
enum AnsiMode {
  NEVER,
  ALWAYS,
  AUTO;

  /** AUTO resolved against whether the stream is a terminal and {@code NO_COLOR}. */
  boolean enabled(boolean terminal) {
    return switch (this) {
      case NEVER -> false;
      case ALWAYS -> true;
      case AUTO -> terminal && System.getenv("NO_COLOR") == null;
    };
  }
}
