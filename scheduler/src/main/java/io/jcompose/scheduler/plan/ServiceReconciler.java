package io.jcompose.scheduler.plan;

import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.scheduler.api.InvalidProjectException;
import io.jcompose.scheduler.api.Recreate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The steps for one service: keep the lowest-numbered replicas up to the wanted count (recreating
 * or starting them as needed), remove the highest numbers beyond it, create new replicas numbered
 * from the highest existing + 1.
 */
final class ServiceReconciler {

  private final Project project;
  private final Service service;
  private final String hash;
  private final List<String> after;

  ServiceReconciler(Project project, Service service, String hash, List<String> after) {
    this.project = project;
    this.service = service;
    this.hash = hash;
    this.after = after;
  }

  List<Operation> reconcile(
      List<ContainerState> existing,
      int wanted,
      Recreate policy,
      String sharedReplaced,
      String restartCause) {
    if (wanted < 0) {
      throw new InvalidProjectException(
          "services." + service.name() + ": scale must not be negative, got " + wanted);
    }
    if (wanted > 1 && service.containerName() != null) {
      throw new InvalidProjectException(
          "services."
              + service.name()
              + ": container_name \""
              + service.containerName()
              + "\" is set, so the service cannot have "
              + wanted
              + " replicas; remove container_name to scale it");
    }
    List<ContainerState> sorted = new ArrayList<>(existing);
    sorted.sort(Comparator.comparingInt(ComposeLabels::number).thenComparing(ContainerState::name));
    List<Operation> ops = new ArrayList<>();
    int kept = Math.min(wanted, sorted.size());
    for (int i = 0; i < kept; i++) {
      ops.add(converge(sorted.get(i), policy, sharedReplaced, restartCause));
    }
    for (int i = sorted.size() - 1; i >= kept; i--) {
      ContainerState c = sorted.get(i);
      ops.add(
          op(
              Operation.Kind.REMOVE,
              c.name(),
              ComposeLabels.number(c),
              c.id(),
              "scale down " + sorted.size() + " -> " + wanted,
              List.of()));
    }
    int next = sorted.stream().mapToInt(ComposeLabels::number).max().orElse(0) + 1;
    for (int i = sorted.size(); i < wanted; i++, next++) {
      String cause = sorted.isEmpty() ? "missing" : "scale up " + sorted.size() + " -> " + wanted;
      ops.add(
          op(
              Operation.Kind.CREATE,
              ServiceNames.container(project, service, next),
              next,
              null,
              cause,
              after));
    }
    return ops;
  }

  private Operation converge(
      ContainerState c, Recreate policy, String sharedReplaced, String restartCause) {
    int number = ComposeLabels.number(c);
    String cause = recreateCause(c, policy, sharedReplaced);
    if (cause != null) {
      return op(Operation.Kind.RECREATE, c.name(), number, c.id(), cause, after);
    }
    if (!Planner.running(c)) {
      return op(Operation.Kind.START, c.name(), number, c.id(), c.status().word(), after);
    }
    if (restartCause != null) {
      return op(Operation.Kind.RESTART, c.name(), number, c.id(), restartCause, after);
    }
    return op(Operation.Kind.KEEP, c.name(), number, c.id(), "running, unchanged", List.of());
  }

  private String recreateCause(ContainerState c, Recreate policy, String sharedReplaced) {
    if (policy == Recreate.NEVER) {
      return null;
    }
    if (policy == Recreate.FORCE) {
      return "forced";
    }
    String old = c.labels().get(ComposeLabels.CONFIG_HASH);
    if (!hash.equals(old)) {
      return "config hash changed " + shortHash(old) + " -> " + shortHash(hash);
    }
    return sharedReplaced;
  }

  private static String shortHash(String h) {
    return h == null ? "none" : h.substring(0, Math.min(8, h.length()));
  }

  private Operation op(
      Operation.Kind kind, String name, int number, String id, String cause, List<String> waits) {
    return new Operation(kind, "container " + name, service.name(), number, name, id, cause, waits);
  }
}
