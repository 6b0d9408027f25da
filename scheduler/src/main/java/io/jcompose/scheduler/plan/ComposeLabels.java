package io.jcompose.scheduler.plan;

import io.jcompose.model.api.Project;
import io.jcompose.model.api.VolumeDefinition;
import io.jcompose.runtime.api.ContainerState;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code com.docker.compose.*} labels that tie containers, networks and volumes to a project.
 */
public final class ComposeLabels {

  /** Project name. */
  public static final String PROJECT = "com.docker.compose.project";

  /** Service name. */
  public static final String SERVICE = "com.docker.compose.service";

  /** Replica number. */
  public static final String NUMBER = "com.docker.compose.container-number";

  /** {@code True} for {@code run} containers. */
  public static final String ONEOFF = "com.docker.compose.oneoff";

  /** The service's configuration hash when the container was created. */
  public static final String CONFIG_HASH = "com.docker.compose.config-hash";

  /** The project directory. */
  public static final String WORKING_DIR = "com.docker.compose.project.working_dir";

  /** The compose files, comma separated. */
  public static final String CONFIG_FILES = "com.docker.compose.project.config_files";

  /** The jcompose version that created it. */
  public static final String VERSION = "com.docker.compose.version";

  /** A network's key in the project. */
  public static final String NETWORK = "com.docker.compose.network";

  /** A volume's key in the project. */
  public static final String VOLUME = "com.docker.compose.volume";

  private ComposeLabels() {}

  /** The label filter selecting a project's resources. */
  public static Map<String, String> projectFilter(String project) {
    return Map.of(PROJECT, project);
  }

  /** A container's service, or null. */
  public static String service(ContainerState c) {
    return c.labels().get(SERVICE);
  }

  /** A container's replica number, or 0 when the label is missing or malformed. */
  public static int number(ContainerState c) {
    try {
      return Integer.parseInt(c.labels().getOrDefault(NUMBER, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Whether a container is a {@code run} one-off. */
  public static boolean oneOff(ContainerState c) {
    return "True".equalsIgnoreCase(c.labels().get(ONEOFF));
  }

  /**
   * The labels of the project's volume {@code key}: those its definition gives, then the project
   * and volume labels.
   */
  public static Map<String, String> volume(Project project, String key) {
    VolumeDefinition def = project.volumes().get(key);
    Map<String, String> labels = new HashMap<>(def == null ? Map.of() : def.labels());
    labels.put(PROJECT, project.name());
    labels.put(VOLUME, key);
    return labels;
  }
}
