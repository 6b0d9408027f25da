package io.jcompose.scheduler.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.runtime.api.NetworkSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static NetworkSpec spec(String body) throws Exception {
    return NetworkRoutes.spec(
        new ApiCall("network/create", null, JSON.readTree(body), Map.of(), null));
  }

  @Test
  void createRequest_mapsEveryFieldOntoTheSpec() throws Exception {
    NetworkSpec spec =
        spec(
            "{\"name\":\"shared\",\"driver\":\"bridge\",\"subnet\":\"10.1.2.0/24\","
                + "\"gateway\":\"10.1.2.254\",\"ipRange\":\"10.1.2.128/25\",\"internal\":true,"
                + "\"labels\":{\"team\":\"web\"},"
                + "\"options\":{\"com.docker.network.driver.mtu\":\"1400\"}}");

    assertThat(spec)
        .isEqualTo(
            new NetworkSpec(
                "shared",
                "10.1.2.0/24",
                "10.1.2.254",
                "10.1.2.128/25",
                true,
                1400,
                Map.of("team", "web")));
  }

  @Test
  void createRequest_withOnlyANameTakesEverythingElseFromTheDefaults() throws Exception {
    assertThat(spec("{\"name\":\"a.b_c-1\"}")).isEqualTo(NetworkSpec.of("a.b_c-1", Map.of()));
  }

  @Test
  void createRequest_refusesBadNamesDriversOptionsAndMtusInOneLine() {
    assertThatThrownBy(() -> spec("{\"name\":\"two words\"}"))
        .hasMessage(
            "network name 'two words' is invalid: use letters, digits, '_', '.' and '-', starting"
                + " with a letter or digit");
    assertThatThrownBy(() -> spec("{\"name\":\"n\",\"driver\":\"overlay\"}"))
        .hasMessage("network n: driver 'overlay' is not supported; only bridge is");
    assertThatThrownBy(() -> spec("{\"name\":\"n\",\"options\":{\"foo\":\"1\"}}"))
        .hasMessage(
            "network n: option 'foo' is not supported; the only one is"
                + " com.docker.network.driver.mtu");
    for (String mtu : new String[] {"big", "67", "65536"}) {
      assertThatThrownBy(
              () ->
                  spec(
                      "{\"name\":\"n\",\"options\":{\"com.docker.network.driver.mtu\":\""
                          + mtu
                          + "\"}}"))
          .hasMessage(
              "network n: com.docker.network.driver.mtu='"
                  + mtu
                  + "' is not an MTU; use 68 to 65535");
    }
  }
}
