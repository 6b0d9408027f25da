package io.jcompose.model.loader;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.api.Deploy;
import io.jcompose.model.api.Service;
import io.jcompose.model.api.UlimitSetting;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourcesAndDeployTest {
  @TempDir Path tmp;

  @Test
  void limits_parseByteSizesCpusAndUlimits() throws Exception {
    Service s =
        new ComposeFixture(tmp)
            .compose(
                """
                services:
                  s:
                    image: x
                    mem_limit: 512m
                    memswap_limit: -1
                    mem_reservation: 1.5g
                    shm_size: 64MiB
                    cpus: "0.5"
                    cpu_shares: 512
                    cpuset: 0-1
                    pids_limit: 100
                    cpu_rt_runtime: 400ms
                    ulimits:
                      nproc: 65535
                      nofile: {soft: 1024, hard: 2048}
                """)
            .service("s");

    assertThat(s.memLimit()).isEqualTo(512L << 20);
    assertThat(s.memswapLimit()).isEqualTo(-1L);
    assertThat(s.memReservation()).isEqualTo(3L << 29);
    assertThat(s.shmSize()).isEqualTo(64L << 20);
    assertThat(s.cpus()).isEqualTo(0.5);
    assertThat(s.cpuShares()).isEqualTo(512L);
    assertThat(s.cpuset()).isEqualTo("0-1");
    assertThat(s.pidsLimit()).isEqualTo(100L);
    assertThat(s.cpuRtRuntime()).isEqualTo(400_000L);
    assertThat(s.ulimits())
        .containsEntry("nproc", new UlimitSetting(65535, 65535))
        .containsEntry("nofile", new UlimitSetting(1024, 2048));
  }

  @Test
  void deploy_readsReplicasResourcesAndRestartPolicy() throws Exception {
    Service s =
        new ComposeFixture(tmp)
            .compose(
                """
                services:
                  s:
                    image: x
                    deploy:
                      replicas: 3
                      labels: [tier=back]
                      resources:
                        limits: {cpus: '1.5', memory: 1g, pids: 64}
                        reservations: {memory: 256m}
                      restart_policy:
                        condition: on-failure
                        delay: 5s
                        max_attempts: 3
                        window: 2m
                """)
            .service("s");

    assertThat(s.replicas()).isEqualTo(3);
    Deploy d = s.deploy();
    assertThat(d.labels()).containsEntry("tier", "back");
    assertThat(d.resources().limits().cpus()).isEqualTo(1.5);
    assertThat(d.resources().limits().memory()).isEqualTo(1L << 30);
    assertThat(d.resources().limits().pids()).isEqualTo(64L);
    assertThat(d.resources().reservations().memory()).isEqualTo(256L << 20);
    assertThat(d.restartPolicy())
        .isEqualTo(
            new Deploy.RestartPolicy(
                "on-failure", Duration.ofSeconds(5), 3, Duration.ofMinutes(2)));
  }

  @Test
  void equalTopLevelAndDeployLimits_areAccepted() throws Exception {
    Service s =
        new ComposeFixture(tmp)
            .compose(
                "services:\n  s:\n    image: x\n    mem_limit: 1g\n"
                    + "    deploy: {resources: {limits: {memory: 1024m}}}\n")
            .service("s");

    assertThat(s.memLimit()).isEqualTo(s.deploy().resources().limits().memory());
  }

  @Test
  void scale_setsReplicas() throws Exception {
    assertThat(
            new ComposeFixture(tmp)
                .compose("services:\n  s: {image: x, scale: 2}\n")
                .service("s")
                .replicas())
        .isEqualTo(2);
  }
}
