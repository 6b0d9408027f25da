package io.jcompose.model.loader;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form of every service attribute of the Compose specification, keyed by attribute
 * name (the tree path below {@code services.*}). An attribute missing here is unknown.
 */
final class ServiceAttributes {
  static final List<String> RESTART = List.of("no", "always", "on-failure", "unless-stopped");
  static final Map<String, AttributeForm> FORMS = build();

  private ServiceAttributes() {}

  private static Map<String, AttributeForm> build() {
    Map<String, AttributeForm> f = new TreeMap<>();
    AttributeForm string = (r, v, p, x) -> r.string(v, p);
    AttributeForm bool = (r, v, p, x) -> r.bool(v, p);
    AttributeForm integer = (r, v, p, x) -> r.integer(v, p);
    AttributeForm bytes = (r, v, p, x) -> r.bytes(v, p);
    AttributeForm strings = (r, v, p, x) -> r.strings(v, p);
    AttributeForm stringOrList = (r, v, p, x) -> r.stringOrList(v, p);
    AttributeForm labels = (r, v, p, x) -> r.stringMap(v, p, false);
    AttributeForm raw = (r, v, p, x) -> ValueReader.plain(v);
    AttributeForm command = ServiceAttributes::command;
    for (String s :
        List.of(
            "image",
            "container_name",
            "hostname",
            "domainname",
            "mac_address",
            "user",
            "working_dir",
            "userns_mode",
            "network_mode",
            "cpuset",
            "stop_signal",
            "ipc",
            "pid",
            "uts",
            "cgroup_parent",
            "isolation",
            "runtime",
            "platform",
            "pull_refresh_after")) {
      f.put(s, string);
    }
    f.put("provider", raw);
    for (String s :
        List.of(
            "init",
            "tty",
            "stdin_open",
            "privileged",
            "read_only",
            "oom_kill_disable",
            "attach",
            "use_api_socket")) {
      f.put(s, bool);
    }
    for (String s :
        List.of(
            "scale",
            "mem_swappiness",
            "oom_score_adj",
            "cpu_shares",
            "cpu_count",
            "cpu_percent",
            "cpu_period",
            "cpu_quota",
            "pids_limit")) {
      f.put(s, integer);
    }
    for (String s : List.of("mem_limit", "mem_reservation", "memswap_limit", "shm_size")) {
      f.put(s, bytes);
    }
    for (String s :
        List.of(
            "cap_add",
            "cap_drop",
            "security_opt",
            "dns_opt",
            "links",
            "external_links",
            "volumes_from",
            "profiles",
            "device_cgroup_rules",
            "group_add",
            "expose")) {
      f.put(s, strings);
    }
    for (String s : List.of("dns", "dns_search", "tmpfs")) {
      f.put(s, stringOrList);
    }
    for (String s : List.of("labels", "annotations", "sysctls", "storage_opt")) {
      f.put(s, labels);
    }
    for (String s :
        List.of(
            "blkio_config",
            "credential_spec",
            "develop",
            "gpus",
            "models",
            "post_start",
            "pre_stop")) {
      f.put(s, raw);
    }
    f.put("command", command);
    f.put("entrypoint", command);
    f.put("cpus", (r, v, p, x) -> r.number(v, p));
    f.put("cpu_rt_period", ServiceAttributes::micros);
    f.put("cpu_rt_runtime", ServiceAttributes::micros);
    f.put("stop_grace_period", (r, v, p, x) -> r.duration(v, p));
    f.put("restart", ServiceAttributes::restart);
    f.put(
        "pull_policy",
        (r, v, p, x) -> {
          String s = r.string(v, p);
          if (s != null
              && !List.of(
                      "always",
                      "never",
                      "missing",
                      "if_not_present",
                      "build",
                      "daily",
                      "weekly",
                      "refresh")
                  .contains(s)
              && !s.matches("every_[0-9]+[smhdw]?")) {
            throw r.error(
                p, "\"" + s + "\" is not a pull policy; use always, never, missing or build");
          }
          return s;
        });
    f.put("cgroup", (r, v, p, x) -> r.oneOf(v, p, List.of("host", "private")));
    f.put("environment", (r, v, p, x) -> r.stringMap(v, p, true));
    f.put("env_file", NestedForms::envFile);
    f.put("label_file", (r, v, p, x) -> pathList(r, v, p, x));
    f.put("ports", (r, v, p, x) -> PortSyntax.canonical(r, v, p));
    f.put("volumes", VolumeSyntax::canonical);
    f.put("depends_on", NestedForms::dependsOn);
    f.put("healthcheck", NestedForms::healthcheck);
    f.put("deploy", DeployForm::canonical);
    f.put("build", BuildForm::canonical);
    f.put("networks", NestedForms::networks);
    f.put("ulimits", HostForms::ulimits);
    f.put("extra_hosts", HostForms::extraHosts);
    f.put("devices", HostForms::devices);
    f.put("logging", HostForms::logging);
    f.put("secrets", ReferenceForms::fileRefs);
    f.put("configs", ReferenceForms::fileRefs);
    f.put("extends", ReferenceForms::extendsRef);
    return f;
  }

  private static Object command(ValueReader r, Object v, String p, PathResolver x)
      throws io.jcompose.model.api.ComposeFileException {
    Object plain = ValueReader.plain(v);
    if (plain == null) {
      return null;
    }
    if (plain instanceof List) {
      return r.strings(plain, p);
    }
    String s = r.string(plain, p);
    List<String> words = ShellWords.split(s);
    if (words == null) {
      throw r.error(p, "unclosed quote in \"" + s + "\"");
    }
    return words;
  }

  private static Object micros(ValueReader r, Object v, String p, PathResolver x)
      throws io.jcompose.model.api.ComposeFileException {
    Object plain = ValueReader.plain(v);
    if (plain instanceof String s && !s.strip().matches("[0-9]+")) {
      return r.duration(s, p).toNanos() / 1000;
    }
    return r.integer(plain, p);
  }

  private static Object restart(ValueReader r, Object v, String p, PathResolver x)
      throws io.jcompose.model.api.ComposeFileException {
    String s = r.string(v, p);
    if (s == null) {
      return null;
    }
    if (!RESTART.contains(s) && !s.matches("on-failure:[0-9]+")) {
      throw r.error(
          p,
          "\""
              + s
              + "\" is not a restart policy; use no, always, on-failure[:N] or unless-stopped");
    }
    return s;
  }

  static Object pathList(ValueReader r, Object v, String p, PathResolver x)
      throws io.jcompose.model.api.ComposeFileException {
    List<String> files = r.stringOrList(v, p);
    files.replaceAll(x::hostPath);
    return files;
  }
}
