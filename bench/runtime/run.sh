#!/bin/sh
# Runtime benchmark: bench/runtime/run.sh [COUNT]. Needs root, busybox-static and a built
# runtime-adapter (mvn -pl runtime-adapter -am test-compile). Prints figures; not a test.
# BENCH=StartMechanismBench runs the spawner-against-process start comparison instead.
set -eu
here=$(cd "${0%/*}" && pwd)
top=$(cd "$here/../.." && pwd)
cd "$top/runtime-adapter"
cp=$(mktemp)
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cp" >/dev/null
exec java -cp "target/classes:target/test-classes:$(cat "$cp")" "$here/${BENCH:-RuntimeBench}.java" "$@"
