package io.jcompose.model.loader;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.api.ServicePort;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortsTest {
  @TempDir Path tmp;

  private List<ServicePort> ports(String ports) throws Exception {
    return new ComposeFixture(tmp)
        .compose("services:\n  web:\n    image: nginx\n    ports:\n" + ports)
        .service("web")
        .ports();
  }

  @Test
  void shortForms_becomeLongForm() throws Exception {
    List<ServicePort> p =
        ports(
            """
                  - 80
                  - "8080:80"
                  - "127.0.0.1:9000:9000/udp"
                  - "[::1]:5432:5432"
                  - "127.0.0.1::6379"
            """);

    assertThat(p)
        .containsExactly(
            new ServicePort(null, 80, "", null, "tcp", "ingress", null),
            new ServicePort(null, 80, "8080", null, "tcp", "ingress", null),
            new ServicePort(null, 9000, "9000", "127.0.0.1", "udp", "ingress", null),
            new ServicePort(null, 5432, "5432", "::1", "tcp", "ingress", null),
            new ServicePort(null, 6379, "", "127.0.0.1", "tcp", "ingress", null));
  }

  @Test
  void ranges_expandToOnePortEach() throws Exception {
    List<ServicePort> p = ports("      - \"8000-8002:9000-9002\"\n      - \"3000-3001\"\n");

    assertThat(p).extracting(ServicePort::target).containsExactly(9000, 9001, 9002, 3000, 3001);
    assertThat(p)
        .extracting(ServicePort::published)
        .containsExactly("8000", "8001", "8002", "", "");
  }

  @Test
  void publishedRangeForOneTarget_staysARange() throws Exception {
    assertThat(ports("      - \"8000-8010:80\"\n"))
        .containsExactly(new ServicePort(null, 80, "8000-8010", null, "tcp", "ingress", null));
  }

  @Test
  void longForm_keepsEveryField() throws Exception {
    List<ServicePort> p =
        ports(
            """
                  - name: web
                    target: 80
                    published: 8080
                    host_ip: 0.0.0.0
                    protocol: UDP
                    mode: host
                    app_protocol: http
            """);

    assertThat(p)
        .containsExactly(new ServicePort("web", 80, "8080", "0.0.0.0", "udp", "host", "http"));
  }

  @Test
  void interpolatedPort_isParsed() throws Exception {
    List<ServicePort> p =
        new ComposeFixture(tmp)
            .var("PORT", "8081")
            .compose("services:\n  web:\n    image: nginx\n    ports: [\"${PORT}:80\"]\n")
            .service("web")
            .ports();

    assertThat(p).extracting(ServicePort::published).containsExactly("8081");
  }
}
