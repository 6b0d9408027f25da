package io.jcompose.scheduler.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.NetworkDriver;
import io.jcompose.runtime.api.NetworkInfo;
import io.jcompose.runtime.api.NetworkSpec;
import io.jcompose.runtime.api.NotFoundException;
import io.jcompose.scheduler.api.ProgressEvent;
import io.jcompose.scheduler.plan.NetworkSpecs;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The host-wide network verbs ({@code network/ls}, {@code network/inspect}, {@code network/create},
 * {@code network/rm}), served straight from the network driver: what {@code docker network} does
 * for networks that several projects share ({@code external: true}).
 */
final class NetworkRoutes {
  private static final String MTU_OPTION = NetworkSpecs.MTU_OPTION;

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
  private final NetworkDriver networks;

  NetworkRoutes(NetworkDriver networks) {
    this.networks = networks;
  }

  void register(ApiRoutes routes) {
    routes
        .host("network/ls", c -> networks.list(Map.of()))
        .host("network/inspect", c -> networks.inspect(c.text("name")))
        .host("network/create", this::create)
        .host("network/rm", this::remove);
  }

  /** The network the request asks for; one clear line when a field is wrong. */
  static NetworkSpec spec(ApiCall call) {
    String name = call.text("name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "network name '"
              + name
              + "' is invalid: use letters, digits, '_', '.' and '-', starting with a letter or"
              + " digit");
    }
    String driver = optional(call.field("driver"));
    if (driver != null && !driver.equals("bridge")) {
      throw new IllegalArgumentException(
          "network " + name + ": driver '" + driver + "' is not supported; only bridge is");
    }
    int mtu = 0;
    for (Map.Entry<String, String> opt : map(call.field("options")).entrySet()) {
      if (!opt.getKey().equals(MTU_OPTION)) {
        throw new IllegalArgumentException(
            "network "
                + name
                + ": option '"
                + opt.getKey()
                + "' is not supported; the only one is "
                + MTU_OPTION);
      }
      mtu = mtu(name, opt.getValue());
    }
    return new NetworkSpec(
        name,
        optional(call.field("subnet")),
        optional(call.field("gateway")),
        optional(call.field("ipRange")),
        call.field("internal").asBoolean(false),
        mtu,
        map(call.field("labels")));
  }

  private static int mtu(String network, String value) {
    int mtu = NetworkSpecs.parseMtu(value);
    if (mtu < 0) {
      throw new IllegalArgumentException(
          "network "
              + network
              + ": "
              + MTU_OPTION
              + "='"
              + value
              + "' is not an MTU; use 68 to 65535");
    }
    return mtu;
  }

  // The driver's create returns a network that exists with the same settings (compose's up
  // relies on it); a user asking for a new one is told it exists, as docker network create does.
  private Future<NetworkInfo> create(ApiCall call) {
    NetworkSpec spec = spec(call);
    return networks
        .inspect(spec.name())
        .transform(
            found -> {
              if (found.succeeded()) {
                return Future.failedFuture(
                    new ConflictException(
                        "network "
                            + spec.name()
                            + " already exists; remove it with `jcompose network rm "
                            + spec.name()
                            + "` or choose another name"));
              }
              if (!(found.cause() instanceof NotFoundException)) {
                return Future.failedFuture(found.cause());
              }
              return networks.create(spec);
            });
  }

  private Future<List<String>> remove(ApiCall call) {
    List<String> names = new ArrayList<>();
    call.field("names").forEach(n -> names.add(n.asText()));
    Future<Void> chain = Future.succeededFuture();
    for (String name : names) {
      chain =
          chain.compose(
              v -> networks.remove(name).onSuccess(x -> call.events().emit(removed(name))));
    }
    return chain.map(v -> names);
  }

  private static StreamEvents removed(String network) {
    return new StreamEvents(
        StreamEvents.PROGRESS, ProgressEvent.done("Network " + network, "Removed"));
  }

  private static String optional(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank() ? node.asText().strip() : null;
  }

  private static Map<String, String> map(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }
}
