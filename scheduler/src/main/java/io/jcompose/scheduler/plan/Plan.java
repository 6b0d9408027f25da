package io.jcompose.scheduler.plan;

import java.util.List;
import java.util.Map;

/**
 * What {@code up} will do to bring the observed state to the desired project: steps in an order
 * that respects their dependencies, each with its cause, plus the dependency edges that gate
 * starting and the warnings the user should see. Prints as stable text.
 *
 * @param project project name
 * @param operations steps, networks and volumes first, then containers in dependency order
 * @param gates for each service in scope, the dependencies its containers wait for
 * @param warnings one line each (orphans, optional dependencies skipped)
 */
public record Plan(
    String project,
    List<Operation> operations,
    Map<String, List<Dependency>> gates,
    List<String> warnings) {

  public Plan {
    operations = List.copyOf(operations);
    gates = Map.copyOf(gates);
    warnings = List.copyOf(warnings);
  }

  /** The steps acting on containers of {@code service}. */
  public List<Operation> containersOf(String service) {
    return operations.stream().filter(o -> service.equals(o.service())).toList();
  }

  /** Whether the plan changes nothing. */
  public boolean isNoop() {
    return operations.stream().allMatch(o -> o.kind() == Operation.Kind.KEEP);
  }

  /** The plan as text: a header line, one line per step, then warnings. */
  public String toText() {
    StringBuilder out = new StringBuilder("plan for project ").append(project).append('\n');
    operations.forEach(o -> out.append("  ").append(o.toText()).append('\n'));
    warnings.forEach(w -> out.append("  warning: ").append(w).append('\n'));
    return out.toString();
  }
}
