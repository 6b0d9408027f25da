#!/usr/bin/env bash
# Network benchmarks, as root: endpoint setup time per container for N containers (default 50),
# then wrk through a published port vs straight to busybox httpd in the namespace.
# Usage: bench/network/run.sh [containers] [wrk duration]   (needs busybox-static, wrk)
# docker-proxy (docker.io) is compared when /usr/sbin/docker-proxy exists. State and run dirs go
# under $BENCH_TMP (default /tmp): set BENCH_TMP=/dev/shm to have them on tmpfs as /run usually is.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(id -u)" = 0 ] || { echo "bench/network/run.sh: creates bridges and namespaces; run as root" >&2; exit 1; }
mvn -q -B -pl runtime-adapter -am test-compile -DskipTests >/dev/null
mvn -q -B -pl runtime-adapter dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null
cp="runtime-adapter/target/classes:runtime-adapter/target/test-classes:$(cat runtime-adapter/target/bench-cp.txt)"
exec java -Djava.io.tmpdir="${BENCH_TMP:-/tmp}" -cp "$cp" io.jcompose.runtime.network.NetworkBench "${1:-50}" "${2:-10s}"
