package io.jcompose.model.loader;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.api.ServiceVolume;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumesTest {
  @TempDir Path tmp;

  @Test
  void shortForms_becomeBindsVolumesAndAnonymousVolumes() throws Exception {
    ComposeFixture fx =
        new ComposeFixture(tmp)
            .compose(
                """
                services:
                  web:
                    image: nginx
                    volumes:
                      - ./html:/usr/share/nginx/html:ro,z
                      - data:/data:nocopy
                      - /cache
                      - ~/conf:/conf:rshared
                volumes:
                  data:
                """);
    List<ServiceVolume> v = fx.service("web").volumes();

    assertThat(v.get(0))
        .isEqualTo(
            new ServiceVolume(
                "bind",
                fx.dir.resolve("html").toString(),
                "/usr/share/nginx/html",
                true,
                null,
                new ServiceVolume.BindOptions(null, true, "z", null),
                null,
                null));
    assertThat(v.get(1))
        .isEqualTo(
            new ServiceVolume(
                "volume",
                "data",
                "/data",
                false,
                null,
                null,
                new ServiceVolume.VolumeOptions(true, null),
                null));
    assertThat(v.get(2))
        .isEqualTo(new ServiceVolume("volume", null, "/cache", false, null, null, null, null));
    assertThat(v.get(3).source()).isEqualTo("/home/tester/conf");
    assertThat(v.get(3).bind().propagation()).isEqualTo("rshared");
  }

  @Test
  void longForm_resolvesRelativeSourceAndReadsOptions() throws Exception {
    ComposeFixture fx =
        new ComposeFixture(tmp)
            .compose(
                """
                services:
                  web:
                    image: nginx
                    volumes:
                      - type: bind
                        source: ../shared
                        target: /shared
                        read_only: true
                        bind:
                          create_host_path: false
                      - type: tmpfs
                        target: /tmp
                        tmpfs:
                          size: 64m
                          mode: 01777
                """);
    List<ServiceVolume> v = fx.service("web").volumes();

    assertThat(v.get(0).source()).isEqualTo(fx.dir.getParent().resolve("shared").toString());
    assertThat(v.get(0).readOnly()).isTrue();
    assertThat(v.get(0).bind().createHostPath()).isFalse();
    assertThat(v.get(1).tmpfs()).isEqualTo(new ServiceVolume.TmpfsOptions(64L << 20, 01777));
  }

  @Test
  void namedVolumes_getProjectPrefixedNamesUnlessNamedOrExternal() throws Exception {
    var p =
        new ComposeFixture(tmp)
            .compose(
                """
                services:
                  web:
                    image: nginx
                volumes:
                  data: {}
                  fixed: {name: exact-name}
                  outside: {external: true}
                """)
            .load();

    assertThat(p.volumes().get("data").name()).isEqualTo("demo_data");
    assertThat(p.volumes().get("fixed").name()).isEqualTo("exact-name");
    assertThat(p.volumes().get("outside").name()).isEqualTo("outside");
    assertThat(p.volumes().get("outside").external()).isTrue();
  }
}
