package io.jcompose.model.loader;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.api.DeviceMapping;
import io.jcompose.model.api.FileResource;
import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import io.jcompose.model.api.ServiceFileRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceAttributesTest {
  @TempDir Path tmp;

  @Test
  void scalarAndListAttributes_areAllRead() throws Exception {
    Service s =
        new ComposeFixture(tmp)
            .compose(
                """
                services:
                  s:
                    image: app
                    command: echo "hello world" 'single q'
                    entrypoint: []
                    container_name: the-s
                    hostname: h
                    domainname: example.org
                    user: "1000:1000"
                    working_dir: /app
                    init: true
                    tty: true
                    stdin_open: true
                    privileged: true
                    read_only: true
                    cap_add: [NET_ADMIN]
                    cap_drop: [ALL]
                    security_opt: [no-new-privileges:true]
                    sysctls: [net.core.somaxconn=1024]
                    stop_signal: SIGINT
                    stop_grace_period: 1m
                    restart: on-failure:3
                    dns: 1.1.1.1
                    dns_search: example.org
                    dns_opt: [ndots:2]
                    tmpfs: /run
                    ipc: shareable
                    pid: host
                    expose: [3000, "4000/udp"]
                    group_add: [audio, 44]
                    extra_hosts: ["db:10.0.0.5", "api=10.0.0.6"]
                    labels: {com.example: "x"}
                    annotations: [a=b]
                    platform: linux/amd64
                    pull_policy: always
                    attach: false
                    oom_score_adj: -500
                    mac_address: 02:42:ac:11:00:02
                    devices: ["/dev/fuse", "/dev/sda:/dev/xvda:r"]
                    logging: {driver: json-file, options: {max-size: 10m}}
                    gpus: all
                    x-note: kept
                """)
            .service("s");

    assertThat(s.command()).containsExactly("echo", "hello world", "single q");
    assertThat(s.entrypoint()).isEmpty();
    assertThat(s.containerName()).isEqualTo("the-s");
    assertThat(s.user()).isEqualTo("1000:1000");
    assertThat(s.init()).isTrue();
    assertThat(s.tty() && s.stdinOpen() && s.privileged() && s.readOnly()).isTrue();
    assertThat(s.capAdd()).containsExactly("NET_ADMIN");
    assertThat(s.sysctls()).containsEntry("net.core.somaxconn", "1024");
    assertThat(s.stopGracePeriod()).isEqualTo(Duration.ofMinutes(1));
    assertThat(s.restart()).isEqualTo("on-failure:3");
    assertThat(s.dns()).containsExactly("1.1.1.1");
    assertThat(s.tmpfs()).containsExactly("/run");
    assertThat(s.expose()).containsExactly("3000", "4000/udp");
    assertThat(s.groupAdd()).containsExactly("audio", "44");
    assertThat(s.extraHosts()).containsExactly("db=10.0.0.5", "api=10.0.0.6");
    assertThat(s.annotations()).containsEntry("a", "b");
    assertThat(s.attach()).isFalse();
    assertThat(s.oomScoreAdj()).isEqualTo(-500);
    assertThat(s.devices())
        .containsExactly(
            new DeviceMapping("/dev/fuse", "/dev/fuse", "rwm"),
            new DeviceMapping("/dev/sda", "/dev/xvda", "r"));
    assertThat(s.logging().options()).containsEntry("max-size", "10m");
    assertThat(s.otherAttributes()).containsEntry("gpus", "all");
    assertThat(s.extensions()).containsEntry("x-note", "kept");
  }

  @Test
  void build_stringAndLongFormsResolveTheContext() throws Exception {
    ComposeFixture fx =
        new ComposeFixture(tmp)
            .compose(
                """
                services:
                  a: {build: ./a}
                  b:
                    build:
                      context: b
                      dockerfile: Dockerfile.dev
                      args: [VERSION=1, BARE]
                      target: dev
                      tags: [b:dev]
                  c: {build: "https://github.com/x/y.git#main"}
                """);
    Project p = fx.load();

    assertThat(p.service("a").build().context()).isEqualTo(fx.dir.resolve("a").toString());
    assertThat(p.service("b").build().dockerfile()).isEqualTo("Dockerfile.dev");
    assertThat(p.service("b").build().args())
        .containsEntry("VERSION", "1")
        .containsEntry("BARE", null);
    assertThat(p.service("b").build().target()).isEqualTo("dev");
    assertThat(p.service("c").build().context()).isEqualTo("https://github.com/x/y.git#main");
    assertThat(p.service("a").imageOr(p.name())).isEqualTo("demo-a");
  }

  @Test
  void secretsAndConfigs_longFormWithResolvedFiles() throws Exception {
    ComposeFixture fx =
        new ComposeFixture(tmp)
            .compose(
                """
                services:
                  s:
                    image: app
                    secrets:
                      - token
                      - source: cert
                        target: /etc/cert.pem
                        mode: 0440
                    configs: [{source: conf, target: /etc/app.conf, uid: "100"}]
                secrets:
                  token: {file: ./token.txt}
                  cert: {environment: CERT}
                configs:
                  conf: {content: "x=1"}
                """);
    Project p = fx.load();

    assertThat(p.service("s").secrets())
        .containsExactly(
            new ServiceFileRef("token", null, null, null, null),
            new ServiceFileRef("cert", "/etc/cert.pem", null, null, 0440));
    assertThat(p.service("s").configs())
        .containsExactly(new ServiceFileRef("conf", "/etc/app.conf", "100", null, null));
    assertThat(p.secrets().get("token"))
        .isEqualTo(
            FileResource.ofFile("token", "demo_token", fx.dir.resolve("token.txt").toString()));
    assertThat(p.configs().get("conf").content()).isEqualTo("x=1");
  }

  @Test
  void topLevelExtensionsAndModels_areKept() throws Exception {
    Project p =
        new ComposeFixture(tmp)
            .compose(
                "x-common: {a: 1}\nmodels:\n  llm: {model: ai/x}\nservices:\n  s: {image: x}\n")
            .load();

    assertThat(p.extensions()).containsEntry("x-common", Map.of("a", 1));
    assertThat(p.models()).containsKey("llm");
    assertThat(p.service("s").profiles()).isEqualTo(List.of());
  }
}
