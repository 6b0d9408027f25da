package io.jcompose.model.render;

import io.jcompose.model.api.FileResource;
import io.jcompose.model.api.NetworkDefinition;
import io.jcompose.model.api.Project;
import io.jcompose.model.api.VolumeDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project as the document {@code docker compose config} prints. Internal; used through {@code
 * ConfigRenderer}.
 */
public final class ProjectDocument {
  private ProjectDocument() {}

  /**
   * The document; with {@code escapeDollars} every {@code $} in a value is written {@code $$} so
   * that loading the output again gives the same values.
   */
  public static Map<String, Object> of(Project p, boolean escapeDollars) {
    DocumentMap m = new DocumentMap(new LinkedHashMap<>());
    m.put("name", p.name());
    Map<String, Object> services = new LinkedHashMap<>();
    p.services().forEach((k, s) -> services.put(k, ServiceDocument.of(s)));
    m.putAlways("services", services);
    Map<String, Object> networks = new LinkedHashMap<>();
    p.networks().forEach((k, n) -> networks.put(k, network(n)));
    m.put("networks", networks);
    Map<String, Object> volumes = new LinkedHashMap<>();
    p.volumes().forEach((k, v) -> volumes.put(k, volume(v)));
    m.put("volumes", volumes);
    Map<String, Object> secrets = new LinkedHashMap<>();
    p.secrets().forEach((k, v) -> secrets.put(k, fileResource(v)));
    m.put("secrets", secrets);
    Map<String, Object> configs = new LinkedHashMap<>();
    p.configs().forEach((k, v) -> configs.put(k, fileResource(v)));
    m.put("configs", configs);
    m.put("models", p.models());
    p.extensions().forEach(m::putAlways);
    @SuppressWarnings("unchecked")
    Map<String, Object> doc = escapeDollars ? (Map<String, Object>) escape(m.map()) : m.map();
    return doc;
  }

  private static Object network(NetworkDefinition n) {
    DocumentMap m = new DocumentMap(new LinkedHashMap<>());
    m.put("name", n.name());
    m.put("driver", n.driver());
    m.put("driver_opts", n.driverOpts());
    if (n.ipam() != null) {
      DocumentMap ipam = new DocumentMap(new LinkedHashMap<>());
      ipam.put("driver", n.ipam().driver());
      List<Object> pools = new ArrayList<>();
      for (NetworkDefinition.IpamPool pool : n.ipam().config()) {
        DocumentMap pm = new DocumentMap(new LinkedHashMap<>());
        pm.put("subnet", pool.subnet());
        pm.put("ip_range", pool.ipRange());
        pm.put("gateway", pool.gateway());
        pm.put("aux_addresses", pool.auxAddresses());
        pools.add(pm.map());
      }
      ipam.put("config", pools);
      ipam.put("options", n.ipam().options());
      m.putAlways("ipam", ipam.map());
    }
    m.put("external", n.external());
    m.put("internal", n.internal());
    m.put("attachable", n.attachable());
    m.put("enable_ipv4", n.enableIpv4());
    m.put("enable_ipv6", n.enableIpv6());
    m.put("labels", n.labels());
    n.extensions().forEach(m::putAlways);
    return m.map();
  }

  private static Object volume(VolumeDefinition v) {
    DocumentMap m = new DocumentMap(new LinkedHashMap<>());
    m.put("name", v.name());
    m.put("driver", v.driver());
    m.put("driver_opts", v.driverOpts());
    m.put("external", v.external());
    m.put("labels", v.labels());
    v.extensions().forEach(m::putAlways);
    return m.map();
  }

  private static Object fileResource(FileResource r) {
    DocumentMap m = new DocumentMap(new LinkedHashMap<>());
    m.put("name", r.name());
    m.put("file", r.file());
    m.put("environment", r.environment());
    m.put("content", r.content());
    m.put("external", r.external());
    m.put("labels", r.labels());
    m.put("driver", r.driver());
    m.put("driver_opts", r.driverOpts());
    m.put("template_driver", r.templateDriver());
    r.extensions().forEach(m::putAlways);
    return m.map();
  }

  private static Object escape(Object value) {
    if (value instanceof String s) {
      return s.replace("$", "$$");
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, escape(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(escape(v)));
      return out;
    }
    return value;
  }
}
