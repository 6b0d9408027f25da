package io.jcompose.runtime.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.runtime.api.PortBinding;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortRequestsTest {
  @Test
  void rangesMapOneToOneOnEveryAddressByDefault() {
    List<PortRequests.Request> r =
        PortRequests.expand("c", List.of(new PortBinding(null, 8000, 8002, 80, 82, "TCP")));
    assertThat(r)
        .containsExactly(
            new PortRequests.Request("0.0.0.0", List.of(8000), 80, "tcp"),
            new PortRequests.Request("0.0.0.0", List.of(8001), 81, "tcp"),
            new PortRequests.Request("0.0.0.0", List.of(8002), 82, "tcp"));
  }

  @Test
  void hostRangeForOnePortOffersEveryCandidateAndZeroMeansRandom() {
    assertThat(
            PortRequests.expand(
                "c",
                List.of(
                    new PortBinding("127.0.0.1", 9000, 9002, 53, 53, "udp"),
                    PortBinding.tcp(0, 80))))
        .containsExactly(
            new PortRequests.Request("127.0.0.1", List.of(9000, 9001, 9002), 53, "udp"),
            new PortRequests.Request("0.0.0.0", List.of(0), 80, "tcp"));
  }

  @Test
  void rangesOfDifferentSizesAndUnknownProtocolsAreRejectedNamingTheContainer() {
    assertThatThrownBy(
            () ->
                PortRequests.expand(
                    "web-1", List.of(new PortBinding(null, 8000, 8001, 80, 83, "tcp"))))
        .hasMessageContaining("web-1")
        .hasMessageContaining("differ in size");
    assertThatThrownBy(
            () ->
                PortRequests.expand(
                    "web-1", List.of(new PortBinding(null, 8000, 8000, 80, 80, "sctp"))))
        .hasMessageContaining("sctp");
  }
}
