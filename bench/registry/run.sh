#!/bin/sh
# Pull a ~200 MB, 6-layer image from a docker-registry on 127.0.0.1 with jcompose's puller,
# with `skopeo copy` to a directory, and with `docker pull` when a docker daemon answers.
# Needs: docker-registry, skopeo (Debian). Usage: bench/registry/run.sh [RUNS]
set -eu
cd "$(dirname "$0")/../.."
runs="${1:-5}"
mvn -B -q -pl runtime-adapter -am test-compile -Dspotless.apply.skip=true
mvn -B -q -pl runtime-adapter dependency:build-classpath -Dmdep.outputFile=target/bench-registry.cp >/dev/null
exec java -Druns="$runs" ${BENCH_OPTS:-} \
  -cp "runtime-adapter/target/classes:runtime-adapter/target/test-classes:$(cat runtime-adapter/target/bench-registry.cp)" \
  io.jcompose.runtime.registry.RegistryPullBench
