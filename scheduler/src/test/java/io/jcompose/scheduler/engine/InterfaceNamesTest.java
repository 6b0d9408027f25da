package io.jcompose.scheduler.engine;

import static io.jcompose.scheduler.TestProjects.network;
import static io.jcompose.scheduler.TestProjects.project;
import static io.jcompose.scheduler.TestProjects.service;
import static io.jcompose.scheduler.TestProjects.withNetwork;
import static io.jcompose.scheduler.engine.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.api.Project;
import io.jcompose.model.api.ServiceNetwork;
import io.jcompose.runtime.api.EndpointSpec;
import io.jcompose.scheduler.api.InvalidProjectException;
import io.jcompose.scheduler.api.UpOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A service network's {@code interface_name} on {@code up}: passed on, or refused in one line. */
class InterfaceNamesTest {

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

  private void up(Project p) throws Exception {
    await(h.engine.up(p, UpOptions.defaults(), h.progress::add));
  }

  private static ServiceNetwork named(String interfaceName) {
    return new ServiceNetwork(null, null, null, null, null, null, null, null, interfaceName);
  }

  private static Project webOn(ServiceNetwork onDefault, ServiceNetwork onBack) {
    return withNetwork(
        project("shop", service("web").networks(Map.of("default", onDefault, "back", onBack))),
        network("shop", "back", Map.of()));
  }

  @Test
  void up_passesEachNetworksInterfaceNameToTheAttachRequestWithoutWarning() throws Exception {
    up(webOn(named("lan0"), ServiceNetwork.plain()));

    assertThat(h.infra.attachments.values())
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.endpoints())
                    .extracting(EndpointSpec::network, EndpointSpec::interfaceName)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("shop_back", null),
                        org.assertj.core.groups.Tuple.tuple("shop_default", "lan0")));
    assertThat(h.progress.stream().map(e -> e.detail()).filter(d -> d != null))
        .noneMatch(w -> w.contains("interface_name"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "eth0/1          | contains '/'",
        "eth0:1          | contains ':'",
        "'lan 0'         | contains 'a space'",
        "lo              | is the loopback interface every container has",
        "abcdefghijklmnop| is longer than 15 bytes",
        "..              | is not an interface name",
        "''              | is empty",
      })
  void up_refusesANameTheKernelWouldRefuseInOneLineBeforeCreatingAnything(
      String name, String problem) {
    assertThatThrownBy(() -> up(webOn(named(name), ServiceNetwork.plain())))
        .isInstanceOf(InvalidProjectException.class)
        .hasMessage(
            "services.web.networks.default.interface_name: \""
                + name
                + "\" "
                + problem
                + "; use 1 to 15 characters without '/', ':' or spaces, e.g. lan0");
    assertThat(h.infra.networkSpecs).isEmpty();
    assertThat(h.infra.attachments).isEmpty();
  }

  @Test
  void up_refusesTheSameNameOnTwoNetworksOfAService() {
    assertThatThrownBy(() -> up(webOn(named("lan0"), named("lan0"))))
        .isInstanceOf(InvalidProjectException.class)
        .hasMessage(
            "services.web.networks.default.interface_name: \"lan0\" is already the interface"
                + " name on network back; give each network its own");
    assertThat(h.infra.attachments).isEmpty();
  }

  @Test
  void up_acceptsFifteenCharacters() throws Exception {
    up(webOn(named("abcdefghijklmno"), ServiceNetwork.plain()));

    assertThat(h.infra.attachments.values().iterator().next().endpoints())
        .extracting(EndpointSpec::interfaceName)
        .contains("abcdefghijklmno");
  }
}
