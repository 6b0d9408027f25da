package io.jcompose.model.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The configuration hash of a service: sha256 over its canonical JSON (sorted keys), the value of
 * the {@code com.docker.compose.config-hash} label. A container whose label differs from the
 * service's current hash is recreated. Replica count, build and pull policy are left out, as
 * changing them does not require recreating running containers.
 */
public final class ConfigHash {
  private ConfigHash() {}

  /** The hex sha256 of the service's canonical JSON. */
  public static String of(Service service) {
    Service.Builder b = service.toBuilder().build(null).pullPolicy(null).scale(null);
    if (service.deploy() != null) {
      Deploy d = service.deploy();
      b.deploy(
          new Deploy(
              d.mode(),
              null,
              d.labels(),
              d.endpointMode(),
              d.resources(),
              d.restartPolicy(),
              d.placement(),
              d.updateConfig(),
              d.rollbackConfig()));
    }
    try {
      byte[] json = ProjectJson.mapper().writeValueAsBytes(b.build());
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash service " + service.name(), e);
    }
  }
}
