package io.jcompose.runtime.linux;

import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.MountSpec;
import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.runtime.api.Volume;
import io.jcompose.runtime.api.VolumeStore;
import io.jcompose.runtime.oci.OciSpecBuilder;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a spec's mounts into OCI mounts: bind sources made absolute, named volumes from the {@link
 * VolumeStore}, anonymous volumes (no name, or an image {@code VOLUME} nothing else covers) created
 * with random names.
 */
final class VolumeMounts {
  /** The label docker puts on anonymous volumes. */
  static final String ANONYMOUS_LABEL = "com.docker.volume.anonymous";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final VolumeStore volumes;

  VolumeMounts(VolumeStore volumes) {
    this.volumes = volumes;
  }

  /** Resolves every mount; volume directories are filled from the image on first use. */
  Future<ResolvedMounts> resolve(ContainerSpec spec, Image image) {
    List<MountSpec> all = new ArrayList<>(spec.mounts());
    Set<String> targets = new HashSet<>();
    spec.mounts().forEach(m -> targets.add(m.target()));
    for (String path : image.config().volumes()) {
      if (!targets.contains(path)) {
        all.add(MountSpec.volume(null, path, false));
      }
    }
    List<Future<Volume>> pending = new ArrayList<>();
    List<String> anonymous = new ArrayList<>();
    for (MountSpec m : all) {
      if (m.type() == MountSpec.Type.VOLUME) {
        if (volumes == null) {
          return Future.failedFuture(
              new RuntimeFailure(
                  "volume " + m.target() + ": this runtime was created without a volume store"));
        }
        String name = m.source();
        Map<String, String> labels = Map.of();
        if (name == null || name.isEmpty()) {
          byte[] id = new byte[32];
          RANDOM.nextBytes(id);
          name = HexFormat.of().formatHex(id);
          labels = Map.of(ANONYMOUS_LABEL, "");
          anonymous.add(name);
        }
        // Docker's copy-up: an empty volume first gets what the image has at the mount point.
        pending.add(
            volumes
                .create(name, labels)
                .compose(
                    vol ->
                        volumes
                            .populateFromImage(vol.name(), image, m.target())
                            .map(copied -> vol)));
      }
    }
    return Future.all(pending)
        .map(
            done -> {
              List<io.jcompose.runtime.oci.OciSpec.Mount> out = new ArrayList<>();
              List<String> used = new ArrayList<>();
              int v = 0;
              for (MountSpec m : all) {
                switch (m.type()) {
                  case BIND ->
                      out.add(OciSpecBuilder.bind(bindSource(m), m.target(), m.readOnly()));
                  case TMPFS -> out.add(OciSpecBuilder.tmpfs(m.target(), m.tmpfsSizeBytes()));
                  case VOLUME -> {
                    Volume vol = done.resultAt(v++);
                    used.add(vol.name());
                    out.add(
                        OciSpecBuilder.bind(vol.mountpoint().toString(), m.target(), m.readOnly()));
                  }
                }
              }
              return new ResolvedMounts(out, anonymous, used);
            });
  }

  /** The absolute host path; a missing directory is created later, on a worker. */
  private static String bindSource(MountSpec m) {
    return Path.of(m.source()).toAbsolutePath().normalize().toString();
  }
}
