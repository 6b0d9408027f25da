package io.jcompose.model.loader;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.api.ConfigRenderer;
import io.jcompose.model.api.Project;
import io.jcompose.model.api.ProjectJson;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output of {@code config} loaded again gives the same model. */
class RoundTripTest {
  @TempDir Path tmp;

  static final String RICH =
      """
      name: shop
      x-common: {owner: team}
      services:
        web:
          image: nginx:1.27
          command: ["nginx", "-g", "daemon off;"]
          entrypoint: []
          environment: {PRICE: "$$5", A: "1", EMPTY: ""}
          env_file: [web.env]
          ports: ["8080:80", "127.0.0.1:9000-9001:9000-9001/udp", {target: 443, name: tls, app_protocol: https}]
          volumes: ["./html:/usr/share/nginx/html:ro", "data:/data:nocopy", "/anon", {type: tmpfs, target: /t, tmpfs: {size: 1m, mode: 0o700}}]
          depends_on:
            db: {condition: service_healthy, restart: true}
          healthcheck: {test: curl -f localhost, interval: 90s, timeout: 1500ms, start_period: 5s, retries: 3}
          deploy:
            replicas: 2
            resources: {limits: {cpus: "0.5", memory: 256m, pids: 50}, reservations: {memory: 64m}}
            restart_policy: {condition: on-failure, delay: 5s, max_attempts: 3}
          networks:
            front: {aliases: [www], priority: 10}
            back:
          ulimits: {nofile: {soft: 1024, hard: 2048}, nproc: 512}
          mem_swappiness: 10
          shm_size: 64m
          stop_grace_period: 1m30s
          extra_hosts: ["h:10.0.0.1"]
          devices: ["/dev/fuse"]
          logging: {driver: json-file, options: {max-size: 10m}}
          secrets: [{source: token, target: t, mode: 0440}]
          labels: [a=b]
          sysctls: {net.core.somaxconn: 1024}
          cap_add: [NET_ADMIN]
          init: true
          gpus: all
          profiles: [web]
          x-svc: {k: v}
        db:
          build: {context: ./db, args: {V: "1"}, dockerfile: Dockerfile}
          network_mode: bridge
          restart: unless-stopped
          tmpfs: [/run]
      networks:
        front: {ipam: {config: [{subnet: 172.30.0.0/16}]}, labels: {l: x}}
        back: {name: shared, internal: true}
      volumes:
        data: {driver_opts: {type: none}}
      secrets:
        token: {file: ./token}
      configs:
        conf: {content: hello}
      """;

  @Test
  void configYamlOutput_loadsBackToAnEqualModel() throws Exception {
    ComposeFixture fx =
        new ComposeFixture(tmp).file("web.env", "FROM_FILE=ok\nA=from-file\n").compose(RICH);
    Project first = fx.load(fx.options().withProfiles(java.util.List.of("web")));
    String yaml = ConfigRenderer.yaml(first, true);

    ComposeFixture again = new ComposeFixture(tmp.resolve("again")).compose(yaml);
    Project second = again.load(again.options().withProfiles(java.util.List.of("web")));

    assertThat(second.services()).isEqualTo(first.services());
    assertThat(second.networks()).isEqualTo(first.networks());
    assertThat(second.volumes()).isEqualTo(first.volumes());
    assertThat(second.secrets()).isEqualTo(first.secrets());
    assertThat(second.configs()).isEqualTo(first.configs());
    assertThat(second.extensions()).isEqualTo(first.extensions());
    assertThat(first.service("web").environment()).containsEntry("PRICE", "$5");
    assertThat(ConfigRenderer.yaml(second, true)).isEqualTo(yaml);
  }

  @Test
  void configJson_isShapedLikeDockerCompose() throws Exception {
    ComposeFixture fx = new ComposeFixture(tmp).file("web.env", "").compose(RICH);
    String json =
        ConfigRenderer.json(fx.load(fx.options().withProfiles(java.util.List.of("web"))), true);

    var tree = ProjectJson.mapper().readTree(json);
    var web = tree.path("services").path("web");
    assertThat(web.path("ports").get(0).path("published").asText()).isEqualTo("8080");
    assertThat(web.path("ports").get(0).path("published").isTextual()).isTrue();
    assertThat(web.path("healthcheck").path("interval").asText()).isEqualTo("1m30s");
    assertThat(web.path("healthcheck").path("test").get(0).asText()).isEqualTo("CMD-SHELL");
    assertThat(web.path("depends_on").path("db").path("condition").asText())
        .isEqualTo("service_healthy");
    assertThat(web.path("networks").path("back").isNull()).isTrue();
    assertThat(web.path("stop_grace_period").asText()).isEqualTo("1m30s");
    assertThat(tree.path("networks").path("back").path("name").asText()).isEqualTo("shared");
    assertThat(tree.path("volumes").path("data").path("name").asText()).isEqualTo("shop_data");
  }

  @Test
  void projectJson_roundTripsALoadedProject() throws Exception {
    ComposeFixture fx = new ComposeFixture(tmp).file("web.env", "").compose(RICH);
    Project p = fx.load(fx.options().withProfiles(java.util.List.of("web")));

    assertThat(ProjectJson.read(ProjectJson.write(p))).isEqualTo(p);
  }
}
