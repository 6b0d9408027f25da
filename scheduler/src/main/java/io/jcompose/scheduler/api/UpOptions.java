package io.jcompose.scheduler.api;

/**
 * Options of {@code up}: how to create, then how to start. Attaching to logs, {@code
 * --abort-on-container-exit} and {@code --exit-code-from} are the client's part (through {@link
 * ComposeEngine#logs} and {@link ComposeEngine#wait}).
 *
 * @param create the creating half
 * @param start the starting half
 */
public record UpOptions(CreateOptions create, StartOptions start) {

  public UpOptions {
    create = create == null ? CreateOptions.defaults() : create;
    start = start == null ? StartOptions.defaults() : start;
  }

  /** Plain {@code up -d}. */
  public static UpOptions defaults() {
    return new UpOptions(CreateOptions.defaults(), StartOptions.defaults());
  }
}
