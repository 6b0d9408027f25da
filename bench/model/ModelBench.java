import io.jcompose.model.api.Project;
import io.jcompose.model.api.ProjectLoader;
import io.jcompose.model.api.ProjectOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Model benchmark: load + validate + canonicalize a generated 200-service compose file (anchors,
 * ports, volumes, depends_on, healthchecks, env) and print cold and warm times. Goal: warm < 200 ms.
 *
 * <p>Run with bench/model/run.sh.
 */
public final class ModelBench {
  public static void main(String[] args) throws Exception {
    int services = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Path dir = Files.createTempDirectory("jcompose-model-bench");
    Files.writeString(dir.resolve("compose.yaml"), generate(services));
    Files.writeString(dir.resolve(".env"), "TAG=1.27\nPORT_BASE=20000\n");
    ProjectOptions options = ProjectOptions.of(dir, Map.of("HOME", "/root"));

    long start = System.nanoTime();
    Project first = ProjectLoader.load(options);
    double cold = (System.nanoTime() - start) / 1e6;
    for (int i = 0; i < 20; i++) {
      ProjectLoader.load(options);
    }
    double[] warm = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long t = System.nanoTime();
      ProjectLoader.load(options);
      warm[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(warm);
    System.out.printf(
        "model bench: %d services, %d bytes of YAML%n", first.services().size(),
        Files.size(dir.resolve("compose.yaml")));
    System.out.printf("cold (first load in this JVM): %.1f ms%n", cold);
    System.out.printf(
        "warm over %d loads: median %.1f ms, min %.1f ms, max %.1f ms (goal < 200 ms)%n",
        rounds, warm[rounds / 2], warm[0], warm[rounds - 1]);
    for (Path p : List.of(dir.resolve("compose.yaml"), dir.resolve(".env"), dir)) {
      Files.deleteIfExists(p);
    }
  }

  static String generate(int n) {
    StringBuilder y = new StringBuilder();
    y.append("x-common: &common\n")
        .append("  restart: unless-stopped\n")
        .append("  environment:\n    LOG_LEVEL: info\n    REGION: eu\n")
        .append("  labels: [team=bench, tier=app]\n")
        .append("  healthcheck:\n    test: [\"CMD-SHELL\", \"wget -q -O- localhost || exit 1\"]\n")
        .append("    interval: 10s\n    timeout: 2s\n    retries: 3\n    start_period: 5s\n")
        .append("services:\n");
    for (int i = 0; i < n; i++) {
      y.append("  svc").append(i).append(":\n")
          .append("    <<: *common\n")
          .append("    image: nginx:${TAG}\n")
          .append("    command: nginx -g 'daemon off;'\n")
          .append("    ports: [\"").append(20000 + i).append(":80\"]\n")
          .append("    volumes: [\"./data/").append(i).append(":/data\", \"cache:/cache:ro\"]\n")
          .append("    networks: [front, back]\n")
          .append("    mem_limit: 256m\n")
          .append("    cpus: 0.5\n")
          .append("    ulimits: {nofile: {soft: 1024, hard: 4096}}\n");
      if (i > 0) {
        y.append("    depends_on:\n      svc").append(i - 1).append(": {condition: service_healthy}\n");
      }
    }
    y.append("networks:\n  front: {}\n  back: {internal: true}\nvolumes:\n  cache: {}\n");
    return y.toString();
  }
}
