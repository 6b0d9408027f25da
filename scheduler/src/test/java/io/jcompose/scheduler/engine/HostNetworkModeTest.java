package io.jcompose.scheduler.engine;

import static io.jcompose.scheduler.TestProjects.project;
import static io.jcompose.scheduler.TestProjects.service;
import static io.jcompose.scheduler.engine.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.runtime.api.AttachSpec;
import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.MountSpec;
import io.jcompose.scheduler.api.DownOptions;
import io.jcompose.scheduler.api.UpOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostNetworkModeTest {
  @TempDir Path state;
  private EngineHarness h;

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void hostModeContainerGetsTheDriversFilesTheHostsNameAndItsExtraHostsAndDns() throws Exception {
    h = new EngineHarness(state, 0, null);
    var p =
        project(
            "hm",
            service("web")
                .networkMode("host")
                .extraHosts(List.of("db.local:10.0.0.5"))
                .dnsSearch(List.of("corp.example")));

    await(h.engine.up(p, UpOptions.defaults(), h.progress::add));

    ContainerSpec spec = h.runtime.spec("hm-web-1");
    String hostName = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    assertThat(spec.hostNetwork()).isTrue();
    assertThat(spec.networkNamespace()).isNull();
    assertThat(spec.hostname()).isEqualTo(hostName);
    assertThat(spec.mounts())
        .extracting(MountSpec::target)
        .contains("/etc/hosts", "/etc/resolv.conf", "/etc/hostname");
    assertThat(h.infra.hostAttachments.values())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.extraHosts()).containsExactly("db.local:10.0.0.5");
              assertThat(a.dnsSearch()).containsExactly("corp.example");
              assertThat(a.hostname()).isEqualTo(hostName);
              assertThat(a.endpoints()).isEmpty();
            });

    await(h.engine.down("hm", DownOptions.defaults(), h.progress::add));
    assertThat(h.infra.hostAttachments).isEmpty();
  }

  @Test
  void hostModeKeepsAHostnameTheServiceSets() throws Exception {
    h = new EngineHarness(state, 0, null);
    var p = project("hn", service("web").networkMode("host").hostname("box"));

    await(h.engine.up(p, UpOptions.defaults(), h.progress::add));

    assertThat(h.runtime.spec("hn-web-1").hostname()).isEqualTo("box");
    assertThat(h.infra.hostAttachments.values())
        .extracting(AttachSpec::hostname)
        .containsExactly("box");
  }
}
