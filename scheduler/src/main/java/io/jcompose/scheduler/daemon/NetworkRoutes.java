package io.jcompose.scheduler.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.runtime.api.NetworkDriver;
import io.jcompose.runtime.api.NetworkSpec;
import io.jcompose.scheduler.api.ProgressEvent;
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
  /** The only driver option read: the MTU, under Docker's name. */
  static final String MTU_OPTION = "com.docker.network.driver.mtu";

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
  private final NetworkDriver networks;

  NetworkRoutes(NetworkDriver networks) {
    this.networks = networks;
  }

  void register(ApiRoutes routes) {
    routes
        .host("network/ls", c -> networks.list(Map.of()))
        .host("network/inspect", c -> networks.inspect(c.text("name")))
        .host("network/create", c -> networks.create(spec(c)))
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
    try {
      int mtu = Integer.parseInt(value.strip());
      if (mtu >= 68 && mtu <= 65535) {
        return mtu;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "network "
            + network
            + ": "
            + MTU_OPTION
            + "='"
            + value
            + "' is not an MTU; use 68 to 65535");
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
