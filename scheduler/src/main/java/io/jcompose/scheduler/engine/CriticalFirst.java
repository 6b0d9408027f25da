package io.jcompose.scheduler.engine;

import io.jcompose.scheduler.plan.Dependency;
import io.jcompose.scheduler.plan.Operation;
import io.jcompose.scheduler.plan.Plan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which the executor issues a plan's steps: networks, volumes and removals as planned,
 * then the containers of services others wait on before the rest — first those whose dependents
 * wait for them to be healthy or to complete (the longest waits of an {@code up}), then those
 * others wait to be started. The runtime serves steps in the order they are issued, so a {@code db}
 * that gates everything is created and started before containers nothing waits for. Ties keep the
 * plan's (dependency) order.
 */
final class CriticalFirst {

  private CriticalFirst() {}

  /**
   * Whether {@code op} creates a container others wait on to be healthy or to complete and that
   * waits for nothing itself: its create and start go ahead of the creates nothing waits for.
   */
  static boolean hasHeadStart(Plan plan, Operation op) {
    if (!op.yieldsContainer() || !plan.gates().getOrDefault(op.service(), List.of()).isEmpty()) {
      return false;
    }
    return plan.gates().values().stream()
        .flatMap(List::stream)
        .anyMatch(
            d -> d.dependency().equals(op.service()) && !d.condition().equals("service_started"));
  }

  static List<Operation> order(Plan plan) {
    Map<String, Integer> rank = new HashMap<>();
    for (List<Dependency> deps : plan.gates().values()) {
      for (Dependency d : deps) {
        int r = d.condition().equals("service_started") ? 1 : 0;
        rank.merge(d.dependency(), r, Math::min);
      }
    }
    // A dependency ranks at least as high as its dependents, so it still comes first: the
    // executor looks up a dependency's containers when it wires a dependent.
    for (boolean changed = true; changed; ) {
      changed = false;
      for (Map.Entry<String, List<Dependency>> e : plan.gates().entrySet()) {
        int dependent = rank.getOrDefault(e.getKey(), 2);
        for (Dependency d : e.getValue()) {
          if (dependent < rank.getOrDefault(d.dependency(), 2)) {
            rank.put(d.dependency(), dependent);
            changed = true;
          }
        }
      }
    }
    List<Operation> out = new ArrayList<>(plan.operations());
    out.sort(
        Comparator.comparingInt(
            (Operation op) -> !op.yieldsContainer() ? -1 : rank.getOrDefault(op.service(), 2)));
    return out;
  }
}
