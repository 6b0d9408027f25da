package io.jcompose.model.api;

import java.util.List;
import java.util.Map;

/**
 * How a service's image is built ({@code build:}), long form.
 *
 * @param context build context: an absolute directory or a URL
 * @param dockerfile Dockerfile path relative to the context, null for the default
 * @param dockerfileInline inline Dockerfile content, null when unset
 * @param args build arguments; a null value is a bare name unset in the shell
 * @param target build stage to stop at
 * @param labels image labels
 * @param cacheFrom cache sources
 * @param cacheTo cache destinations
 * @param network network mode during the build
 * @param shmSize /dev/shm size in bytes during the build
 * @param extraHosts extra hosts entries as {@code host=ip}
 * @param platforms platforms to build for
 * @param tags extra tags
 * @param noCache build without cache
 * @param pull always pull base images
 * @param privileged privileged build
 * @param isolation isolation technology
 * @param ssh ssh agent sockets or keys
 * @param secrets secrets granted to the build
 * @param additionalContexts named extra contexts
 * @param ulimits build rlimits
 * @param entitlements build entitlements
 * @param otherAttributes other build attributes kept as read
 */
public record BuildSpec(
    String context,
    String dockerfile,
    String dockerfileInline,
    Map<String, String> args,
    String target,
    Map<String, String> labels,
    List<String> cacheFrom,
    List<String> cacheTo,
    String network,
    Long shmSize,
    List<String> extraHosts,
    List<String> platforms,
    List<String> tags,
    boolean noCache,
    boolean pull,
    boolean privileged,
    String isolation,
    List<String> ssh,
    List<ServiceFileRef> secrets,
    Map<String, String> additionalContexts,
    Map<String, UlimitSetting> ulimits,
    List<String> entitlements,
    Map<String, Object> otherAttributes) {

  /** Normalizes nulls to empty collections. */
  public BuildSpec {
    args = Frozen.map(args);
    labels = Frozen.map(labels);
    cacheFrom = Frozen.list(cacheFrom);
    cacheTo = Frozen.list(cacheTo);
    extraHosts = Frozen.list(extraHosts);
    platforms = Frozen.list(platforms);
    tags = Frozen.list(tags);
    ssh = Frozen.list(ssh);
    secrets = Frozen.list(secrets);
    additionalContexts = Frozen.map(additionalContexts);
    ulimits = Frozen.map(ulimits);
    entitlements = Frozen.list(entitlements);
    otherAttributes = Frozen.map(otherAttributes);
  }

  /** A build of {@code context} with the default Dockerfile and nothing else set. */
  public static BuildSpec ofContext(String context) {
    return new BuildSpec(
        context, null, null, null, null, null, null, null, null, null, null, null, null, false,
        false, false, null, null, null, null, null, null, null);
  }
}
