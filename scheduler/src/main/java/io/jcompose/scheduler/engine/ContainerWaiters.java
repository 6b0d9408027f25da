package io.jcompose.scheduler.engine;

import io.jcompose.runtime.api.RuntimeFailure;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Who waits for what in which container. A gate is evaluated when it is registered and again on
 * every change of its container, so a dependent wakes the moment its condition holds.
 */
final class ContainerWaiters {

  private record Waiter(Function<LiveContainer, Verdict> gate, Promise<Void> promise) {}

  private final Map<String, List<Waiter>> byContainer = new ConcurrentHashMap<>();
  private final Object lock;

  /** Waiters evaluating gates under {@code lock}, the lock the container's state changes under. */
  ContainerWaiters(Object lock) {
    this.lock = lock;
  }

  Future<Void> register(LiveContainer c, Function<LiveContainer, Verdict> gate) {
    Waiter w = new Waiter(gate, Promise.promise());
    byContainer.computeIfAbsent(c.id, k -> new CopyOnWriteArrayList<>()).add(w);
    evaluate(c, w);
    return w.promise.future();
  }

  /** Re-evaluates every gate on a container that changed. */
  void changed(LiveContainer c) {
    List<Waiter> list = byContainer.get(c.id);
    if (list != null) {
      for (Waiter w : list) {
        evaluate(c, w);
      }
    }
  }

  /** Fails every waiter of a container that went away. */
  void gone(LiveContainer c) {
    List<Waiter> list = byContainer.remove(c.id);
    if (list != null) {
      list.forEach(
          w -> w.promise.tryFail(new RuntimeFailure("container " + c.name + " was removed")));
    }
  }

  private void evaluate(LiveContainer c, Waiter w) {
    Verdict v;
    synchronized (lock) {
      v = w.gate.apply(c);
    }
    if (v.kind() == Verdict.Kind.WAIT) {
      return;
    }
    List<Waiter> list = byContainer.get(c.id);
    if (list != null) {
      list.remove(w);
    }
    if (v.kind() == Verdict.Kind.PASS) {
      w.promise.tryComplete();
    } else {
      w.promise.tryFail(new RuntimeFailure(v.reason()));
    }
  }
}
