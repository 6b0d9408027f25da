package io.jcompose.model.loader;

import io.jcompose.model.api.Deploy;

/** Binds a canonical {@code deploy} tree to {@link Deploy}. */
final class DeployBinder {
  private DeployBinder() {}

  static Deploy bind(CanonicalNode d) {
    if (d == null) {
      return null;
    }
    CanonicalNode res = d.node("resources");
    CanonicalNode rp = d.node("restart_policy");
    return new Deploy(
        d.str("mode"),
        d.integer("replicas"),
        d.stringMap("labels"),
        d.str("endpoint_mode"),
        res == null
            ? null
            : new Deploy.Resources(limit(res.node("limits")), limit(res.node("reservations"))),
        rp == null
            ? null
            : new Deploy.RestartPolicy(
                rp.str("condition"),
                rp.duration("delay"),
                rp.integer("max_attempts"),
                rp.duration("window")),
        d.objectMap("placement"),
        d.objectMap("update_config"),
        d.objectMap("rollback_config"));
  }

  private static Deploy.ResourceLimit limit(CanonicalNode n) {
    if (n == null) {
      return null;
    }
    return new Deploy.ResourceLimit(
        n.dbl("cpus"),
        n.lng("memory"),
        n.lng("pids"),
        n.mapList("devices"),
        n.mapList("generic_resources"));
  }
}
