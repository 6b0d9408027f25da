package io.jcompose.model.api;

/**
 * A secret or config granted to a service, long form.
 *
 * @param source the project's secret or config key
 * @param target path in the container (relative ones are under /run/secrets for secrets and / for
 *     configs), null for the default
 * @param uid owner uid as a string, null for the default
 * @param gid owner gid as a string, null for the default
 * @param mode file mode, null for the default (0444)
 */
public record ServiceFileRef(String source, String target, String uid, String gid, Integer mode) {}
