package io.jcompose.scheduler.daemon;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The verbs the daemon serves: project verbs at {@code POST /v1/projects/{name}/{verb}} and
 * host-wide verbs at {@code POST /v1/{verb}} (a verb may contain a slash: {@code system/df}).
 */
public final class ApiRoutes {

  private final Map<String, ApiHandler> projectVerbs = new ConcurrentHashMap<>();
  private final Map<String, ApiHandler> hostVerbs = new ConcurrentHashMap<>();

  /** Serves {@code verb} for one project. */
  public ApiRoutes project(String verb, ApiHandler handler) {
    projectVerbs.put(verb, handler);
    return this;
  }

  /** Serves {@code verb} for the whole host. */
  public ApiRoutes host(String verb, ApiHandler handler) {
    hostVerbs.put(verb, handler);
    return this;
  }

  private final Map<String, AttachHandler> attachVerbs = new ConcurrentHashMap<>();

  /**
   * Serves {@code verb} for one project as a connection upgrade to a raw stream (see {@link
   * AttachSession}) at {@code GET /v1/projects/{name}/{verb}}.
   */
  public ApiRoutes attach(String verb, AttachHandler handler) {
    attachVerbs.put(verb, handler);
    return this;
  }

  Optional<AttachHandler> attachVerb(String verb) {
    return Optional.ofNullable(attachVerbs.get(verb));
  }

  Optional<ApiHandler> projectVerb(String verb) {
    return Optional.ofNullable(projectVerbs.get(verb));
  }

  Optional<ApiHandler> hostVerb(String verb) {
    return Optional.ofNullable(hostVerbs.get(verb));
  }
}
