package io.jcompose.scheduler.engine;

import io.jcompose.scheduler.api.ContainerEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Fans container events out to whoever subscribed ({@code events}, {@code wait}, tests). */
final class EventHub {

  private final List<Consumer<ContainerEvent>> subscribers = new CopyOnWriteArrayList<>();

  /** Subscribes; the returned action unsubscribes. */
  Runnable subscribe(Consumer<ContainerEvent> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  void publish(LiveContainer c, String action, Map<String, String> extra) {
    java.util.HashMap<String, String> attributes = new java.util.HashMap<>(extra);
    attributes.put("name", c.name);
    attributes.put("project", c.project);
    publish(new ContainerEvent(Instant.now(), "container", action, c.id, c.service, attributes));
  }

  void publish(ContainerEvent event) {
    for (Consumer<ContainerEvent> s : subscribers) {
      s.accept(event);
    }
  }
}
