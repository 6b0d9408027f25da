package io.jcompose.model.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectJsonTest {

  static Service web() {
    Map<String, String> env = new HashMap<>();
    env.put("A", "1");
    env.put("UNSET", null);
    return Service.builder("web")
        .image("nginx:1.27")
        .command(List.of("nginx", "-g", "daemon off;"))
        .environment(env)
        .ports(List.of(ServicePort.tcp(80, "8080"), ServicePort.tcp(443, "")))
        .volumes(
            List.of(
                new ServiceVolume(
                    ServiceVolume.BIND,
                    "/srv/html",
                    "/usr/share/nginx/html",
                    true,
                    null,
                    new ServiceVolume.BindOptions(null, true, null, null),
                    null,
                    null)))
        .dependsOn(Map.of("db", ServiceDependency.of(ServiceDependency.HEALTHY)))
        .healthcheck(
            new Healthcheck(
                List.of("CMD-SHELL", "curl -f localhost"),
                Duration.ofSeconds(90),
                null,
                Duration.ofMillis(1500),
                null,
                3,
                false))
        .networks(Map.of("default", ServiceNetwork.plain()))
        .memLimit(512L * 1024 * 1024)
        .otherAttributes(Map.of("gpus", List.of(Map.of("driver", "nvidia", "count", 1))))
        .build();
  }

  static Project project(Service... services) {
    Map<String, Service> byName = new LinkedHashMap<>();
    for (Service s : services) {
      byName.put(s.name(), s);
    }
    return new Project(
        "demo",
        "/srv/demo",
        List.of("/srv/demo/compose.yaml"),
        byName,
        Map.of("default", NetworkDefinition.bridge("default", "demo_default")),
        Map.of("data", VolumeDefinition.local("data", "demo_data")),
        null,
        null,
        List.of(),
        null,
        List.of("a warning"),
        null,
        Map.of("x-shared", Map.of("k", "v")));
  }

  @Test
  void roundTrip_givesAnEqualProject() throws Exception {
    Project original = project(web(), Service.builder("db").image("postgres").build());

    Project back = ProjectJson.read(ProjectJson.write(original));

    assertThat(back).isEqualTo(original);
    assertThat(back.service("web").environment()).containsEntry("UNSET", null);
    assertThat(back.service("web").command()).containsExactly("nginx", "-g", "daemon off;");
    assertThat(back.service("db").command()).isNull();
  }

  @Test
  void configHash_isStableAcrossKeyOrderAndIgnoresReplicas() {
    Service a = web();
    Map<String, String> reversed = new LinkedHashMap<>();
    reversed.put("UNSET", null);
    reversed.put("A", "1");
    Service b = a.toBuilder().environment(reversed).scale(5).build();

    assertThat(ConfigHash.of(b)).isEqualTo(ConfigHash.of(a)).hasSize(64);
    assertThat(ConfigHash.of(a.toBuilder().image("nginx:1.28").build()))
        .isNotEqualTo(ConfigHash.of(a));
  }

  @Test
  void replicas_preferDeployOverScale() {
    Service s = Service.builder("s").scale(2).build();
    assertThat(s.replicas()).isEqualTo(2);
    assertThat(Service.builder("s").build().replicas()).isEqualTo(1);
  }
}
