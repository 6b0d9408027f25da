/**
 * Pulling images from OCI / Docker registries (Distribution API v2), behind {@link
 * io.jcompose.runtime.api.ImagePuller}.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>HTTP is java.net.http, used blocking on bounded worker pools (the download pool's size is
 *       the parallel-download limit, 3 by default as in docker); each body streams to disk one
 *       chunk at a time while being hashed, so memory stays flat for any blob size. The steps of a
 *       pull are chained as Vert.x futures.
 *   <li>Redirects are followed here, not by the HTTP client, so {@code Authorization} is only sent
 *       to the registry's own origin.
 *   <li>Plain HTTP for {@code localhost}, {@code 127.*}, {@code [::1]} and the hosts listed under
 *       {@code insecure-registries} in jcompose's config ({@code $JCOMPOSE_CONFIG}, {@code
 *       $XDG_CONFIG_HOME/jcompose/config.json} or {@code ~/.config/jcompose/config.json}); TLS with
 *       the JVM's trust store everywhere else. Unlike docker there is no HTTPS-first attempt for
 *       listed hosts.
 *   <li>Credentials come from docker's own {@code config.json} (credential helpers first), read at
 *       every pull, so a {@code login} is effective at once.
 *   <li>A failed pull leaves no partial file and no tag; complete, verified blobs already moved
 *       into the store stay there (they are content-addressed) and are skipped next time.
 * </ul>
 */
package io.jcompose.runtime.registry;
