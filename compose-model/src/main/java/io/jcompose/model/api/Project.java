package io.jcompose.model.api;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A loaded Compose project in canonical form: what {@link ProjectLoader#load} returns, what {@code
 * jcompose config} prints and what the CLI sends to the daemon (see {@link ProjectJson}). Maps are
 * sorted by key, so iteration order is stable.
 *
 * @param name the project name (normalized)
 * @param workingDir the project directory, absolute
 * @param configFiles the compose files read, absolute ({@code -} for stdin)
 * @param services the enabled services by name
 * @param networks networks by key, including {@code default} when a service uses it
 * @param volumes named volumes by key
 * @param secrets secrets by key
 * @param configs configs by key
 * @param activeProfiles the profiles that were active while loading
 * @param disabledServices services left out because none of their profiles is active
 * @param warnings problems that did not stop loading (unset variables, obsolete keys...), one line
 *     each
 * @param models top-level {@code models}, kept as read
 * @param extensions top-level {@code x-} fields
 */
public record Project(
    String name,
    String workingDir,
    List<String> configFiles,
    Map<String, Service> services,
    Map<String, NetworkDefinition> networks,
    Map<String, VolumeDefinition> volumes,
    Map<String, FileResource> secrets,
    Map<String, FileResource> configs,
    List<String> activeProfiles,
    Map<String, Service> disabledServices,
    List<String> warnings,
    Map<String, Object> models,
    Map<String, Object> extensions) {

  /** Normalizes nulls and copies every collection. */
  public Project {
    configFiles = Frozen.list(configFiles);
    services = Frozen.map(services);
    networks = Frozen.map(networks);
    volumes = Frozen.map(volumes);
    secrets = Frozen.map(secrets);
    configs = Frozen.map(configs);
    activeProfiles = Frozen.list(activeProfiles);
    disabledServices = Frozen.map(disabledServices);
    warnings = Frozen.list(warnings);
    models = Frozen.map(models);
    extensions = Frozen.map(extensions);
  }

  /** The enabled service named {@code name}, or null. */
  public Service service(String name) {
    return services.get(name);
  }

  /** Every profile named by any service, enabled or not, sorted. */
  public List<String> definedProfiles() {
    TreeSet<String> all = new TreeSet<>();
    services.values().forEach(s -> all.addAll(s.profiles()));
    disabledServices.values().forEach(s -> all.addAll(s.profiles()));
    return List.copyOf(all);
  }

  /** A copy with the given services. */
  public Project withServices(Map<String, Service> newServices) {
    return new Project(
        name,
        workingDir,
        configFiles,
        newServices,
        networks,
        volumes,
        secrets,
        configs,
        activeProfiles,
        disabledServices,
        warnings,
        models,
        extensions);
  }

  /** A copy with the given warnings. */
  public Project withWarnings(List<String> newWarnings) {
    return new Project(
        name,
        workingDir,
        configFiles,
        services,
        networks,
        volumes,
        secrets,
        configs,
        activeProfiles,
        disabledServices,
        newWarnings,
        models,
        extensions);
  }
}
