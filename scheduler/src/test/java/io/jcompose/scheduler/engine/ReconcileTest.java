package io.jcompose.scheduler.engine;

import static io.jcompose.scheduler.TestProjects.deps;
import static io.jcompose.scheduler.TestProjects.project;
import static io.jcompose.scheduler.TestProjects.service;
import static io.jcompose.scheduler.TestProjects.withVolume;
import static io.jcompose.scheduler.engine.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import io.jcompose.model.api.ServiceVolume;
import io.jcompose.scheduler.api.ContainerSummary;
import io.jcompose.scheduler.api.CreateOptions;
import io.jcompose.scheduler.api.DownOptions;
import io.jcompose.scheduler.api.PsOptions;
import io.jcompose.scheduler.api.ScaleOptions;
import io.jcompose.scheduler.api.StartOptions;
import io.jcompose.scheduler.api.StopOptions;
import io.jcompose.scheduler.api.UpOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconcileTest {

  @TempDir Path state;
  private EngineHarness h;

  @BeforeEach
  void open() {
    h = new EngineHarness(state, 0, null);
  }

  @AfterEach
  void close() {
    h.close();
  }

  private static Project stack() {
    return withVolume(
        project(
            "shop",
            service("db")
                .volumes(
                    List.of(
                        new ServiceVolume(
                            "volume", "data", "/data", false, null, null, null, null))),
            service("api").dependsOn(deps("db", "service_started")),
            service("sidecar").networkMode("service:api"),
            service("worker").dependsOn(deps("api", "service_started"))),
        "data");
  }

  private void up(Project p, UpOptions options) throws Exception {
    await(h.engine.up(p, options, h.progress::add));
  }

  private List<String> ps(boolean all) throws Exception {
    return await(h.engine.ps("shop", new PsOptions(List.of(), all))).stream()
        .map(ContainerSummary::name)
        .toList();
  }

  private static Project replace(Project p, Service s) {
    Map<String, Service> services = new LinkedHashMap<>(p.services());
    services.put(s.name(), s);
    return p.withServices(services);
  }

  @Test
  void secondUpOfUnchangedProjectTouchesNothing() throws Exception {
    up(stack(), UpOptions.defaults());
    int calls = h.runtime.calls.size();

    up(stack(), UpOptions.defaults());

    assertThat(h.runtime.calls).hasSize(calls);
  }

  @Test
  void changedServiceIsRecreatedWithItsNamespaceSharerOnly() throws Exception {
    up(stack(), UpOptions.defaults());
    String dbId = h.runtime.spec("shop-db-1").labels().get(ContainerNetworking.NETWORK_KEY);
    h.runtime.calls.clear();

    Project changed =
        replace(stack(), stack().service("api").toBuilder().command(List.of("httpd")).build());
    up(changed, UpOptions.defaults());

    assertThat(h.runtime.calls("remove")).containsExactlyInAnyOrder("shop-api-1", "shop-sidecar-1");
    assertThat(h.runtime.calls("create")).containsExactlyInAnyOrder("shop-api-1", "shop-sidecar-1");
    assertThat(h.runtime.spec("shop-db-1").labels().get(ContainerNetworking.NETWORK_KEY))
        .isEqualTo(dbId);
    assertThat(h.runtime.spec("shop-api-1").command()).containsExactly("httpd");
    assertThat(h.progressLines())
        .contains("Container shop-api-1 Recreate", "Container shop-api-1 Recreated");
  }

  @Test
  void dependentDeclaredWithRestartTrueIsRestartedWhenItsDependencyIsReplaced() throws Exception {
    Project p =
        project(
            "shop",
            service("api"),
            service("worker")
                .dependsOn(
                    Map.of(
                        "api",
                        new io.jcompose.model.api.ServiceDependency(
                            "service_started", true, true))));
    up(p, UpOptions.defaults());
    h.runtime.calls.clear();

    up(
        replace(p, p.service("api").toBuilder().command(List.of("httpd")).build()),
        UpOptions.defaults());

    assertThat(h.runtime.calls("stop")).contains("shop-worker-1");
    assertThat(h.runtime.calls("remove")).containsExactly("shop-api-1");
    List<String> starts = h.runtime.calls("start");
    assertThat(starts).containsExactly("shop-api-1", "shop-worker-1");
  }

  @Test
  void forceRecreateReplacesEvenUnchangedContainers() throws Exception {
    up(stack(), UpOptions.defaults());
    h.runtime.calls.clear();

    up(
        stack(),
        new UpOptions(
            new CreateOptions(
                List.of("worker"),
                Map.of(),
                io.jcompose.scheduler.api.Recreate.FORCE,
                null,
                false,
                false,
                null,
                null,
                0),
            null));

    assertThat(h.runtime.calls("create")).containsExactly("shop-worker-1");
  }

  @Test
  void scaleUpNumbersFromHighestAndScaleDownRemovesHighest() throws Exception {
    up(stack(), UpOptions.defaults());

    await(h.engine.scale(stack(), new ScaleOptions(Map.of("worker", 3), false), h.progress::add));
    assertThat(ps(false)).contains("shop-worker-1", "shop-worker-2", "shop-worker-3");

    await(h.engine.scale(stack(), new ScaleOptions(Map.of("worker", 1), false), h.progress::add));
    assertThat(ps(false))
        .contains("shop-worker-1")
        .doesNotContain("shop-worker-2", "shop-worker-3");

    await(h.engine.scale(stack(), new ScaleOptions(Map.of("worker", 2), false), h.progress::add));
    assertThat(ps(false)).contains("shop-worker-1", "shop-worker-2");
  }

  @Test
  void orphansAreWarnedAboutThenRemovedWithRemoveOrphans() throws Exception {
    up(stack(), UpOptions.defaults());
    Map<String, Service> fewer = new LinkedHashMap<>(stack().services());
    fewer.remove("worker");
    Project smaller = stack().withServices(fewer);

    up(smaller, UpOptions.defaults());
    assertThat(h.progress)
        .anySatisfy(e -> assertThat(e.detail()).contains("orphan containers [shop-worker-1]"));
    assertThat(h.runtime.names()).contains("shop-worker-1");

    up(
        smaller,
        new UpOptions(new CreateOptions(null, null, null, null, true, false, null, null, 0), null));
    assertThat(h.runtime.names()).doesNotContain("shop-worker-1");
  }

  @Test
  void downRemovesContainersAndNetworksButKeepsVolumesUnlessAsked() throws Exception {
    up(stack(), UpOptions.defaults());
    assertThat(h.infra.volumes).containsKey("shop_data");

    await(h.engine.down("shop", DownOptions.defaults(), h.progress::add));
    assertThat(h.runtime.names()).isEmpty();
    assertThat(h.infra.networks).isEmpty();
    assertThat(h.infra.attachments).isEmpty();
    assertThat(h.infra.volumes).containsKey("shop_data");

    up(stack(), UpOptions.defaults());
    await(
        h.engine.down(
            "shop", new DownOptions(null, List.of(), false, true, null, null), h.progress::add));
    assertThat(h.infra.volumes).isEmpty();
  }

  @Test
  void downStopsDependentsBeforeTheirDependencies() throws Exception {
    up(stack(), UpOptions.defaults());
    h.runtime.calls.clear();

    await(h.engine.down("shop", DownOptions.defaults(), h.progress::add));

    List<String> stops = h.runtime.calls("stop");
    assertThat(stops.indexOf("shop-worker-1")).isLessThan(stops.indexOf("shop-api-1"));
    assertThat(stops.indexOf("shop-api-1")).isLessThan(stops.indexOf("shop-db-1"));
  }

  @Test
  void stopThenStartBringsContainersBackInDependencyOrderWithDnsMarked() throws Exception {
    up(stack(), UpOptions.defaults());
    await(h.engine.stop("shop", new StopOptions(null, List.of(), null), h.progress::add));
    assertThat(ps(false)).isEmpty();
    assertThat(h.infra.dnsRunning).isEmpty();
    h.runtime.calls.clear();

    await(h.engine.start("shop", StartOptions.defaults(), h.progress::add));

    List<String> starts = h.runtime.calls("start");
    assertThat(starts).hasSize(4);
    assertThat(starts.indexOf("shop-db-1")).isLessThan(starts.indexOf("shop-api-1"));
    assertThat(h.infra.dnsRunning).isNotEmpty();
  }
}
