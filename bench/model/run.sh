#!/usr/bin/env bash
# Model benchmark (issue 2): load + validate + canonicalize a generated 200-service compose file
# and print cold and warm times (goal: warm median < 200 ms).
#
#   bench/model/run.sh [SERVICES] [ROUNDS]
#
# Builds compose-model in the reactor (no install), then runs ModelBench.java with the
# module's classes and dependencies on the class path. Reads and writes only a temp directory.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
mvn -B -q -pl compose-model -am compile >&2
cpfile="$(mktemp)"
trap 'rm -f "$cpfile"' EXIT
mvn -B -q -pl compose-model dependency:build-classpath -Dmdep.outputFile="$cpfile" >&2
exec java -cp "compose-model/target/classes:$(cat "$cpfile")" "$here/ModelBench.java" "$@"
