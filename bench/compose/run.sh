#!/usr/bin/env bash
# The compose benchmark of issue 5: two stacks on the same busybox image, brought up,
# listed and taken down by jcompose and by the peers that are installed
# (bench/peers/setup.sh installs docker-compose and podman-compose), RUNS times each.
# Prints each tool's medians (and best runs) of `up -d`, `ps` and `down` in seconds and
# the ratio of each peer's median to jcompose's.
#
#   bench/compose/run.sh [--runs N] [--tools "jcompose docker-compose podman-compose"]
#                        [--stacks "health flat50"]
# Every command's output goes to $BENCH_LOG (default /tmp/jcompose-bench-<time>.log).
# Traffic: none; the health stack publishes one port on 127.0.0.1 only.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
runs=5
tools="jcompose docker-compose podman-compose"
stacks="health flat50"
while (($#)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --tools) tools="$2"; shift 2 ;;
    --stacks) stacks="$2"; shift 2 ;;
    *) echo "bench: unknown argument '$1'; see the header of $0" >&2; exit 2 ;;
  esac
done
export BENCH_IMAGE="${BENCH_IMAGE:-jcompose-samples/busybox:1}"
# shellcheck source=../lib/tools.sh
source "$repo/bench/lib/tools.sh"
export BENCH_PORT="${BENCH_PORT:-$(free_port)}"
log="${BENCH_LOG:-/tmp/jcompose-bench-$(date -u +%Y%m%dT%H%M%S).log}"
jcompose="${JCOMPOSE:-$repo/jcompose}"
results="$(mktemp)"
use_own_state
cleanup() {
  rm -f "$results" "$results.failed"
  drop_own_state
}
trap cleanup EXIT

say() { printf 'bench: %s\n' "$*" >&2; }

# Runs a command, appends its output to the log and prints its wall time in seconds.
timed() {
  local start end rc
  echo "\$ $*" >>"$log"
  start=$(date +%s%N)
  "$@" >>"$log" 2>&1 </dev/null
  rc=$?
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }'
  return $rc
}

# Containers of a project counted by the tool's engine: running ones, or all with -a.
count_containers() { # TOOL FILE PROJECT [-a]
  local all="${4:-}"
  case "$1" in
    jcompose) "$jcompose" -f "$2" -p "$3" ps $all -q 2>/dev/null | grep -c . ;;
    docker-compose) docker ps $all -q --filter "label=com.docker.compose.project=$3" | grep -c . ;;
    podman-compose) podman ps $all -q --filter "label=io.podman.compose.project=$3" | grep -c . ;;
  esac
}

# podman-compose 1.0.3 leaves the project's network behind; not part of the timing.
after_down() { # TOOL PROJECT
  [[ $1 == podman-compose ]] || return 0
  podman network rm "${2}_default" >/dev/null 2>&1 || true
}

# Containers each stack runs once up: the runs where a tool brought up fewer do not count.
expected_running() {
  case "$1" in
    health) echo 6 ;;
    flat50) echo 50 ;;
    *) grep -c '^  [a-z]' "$here/stacks/$1.yaml" ;;
  esac
}

run_one() { # TOOL CMD STACK RUN
  local tool="$1" cmd="$2" stack="$3" i="$4"
  local project="bench${stack}${tool%%-*}$i" file="$here/stacks/$stack.yaml" up ps down left running ok=1
  "$cmd" -f "$file" -p "$project" down >>"$log" 2>&1 </dev/null # a previous run's remains
  after_down "$tool" "$project"
  up=$(timed "$cmd" -f "$file" -p "$project" up -d) || { ok=0; say "$tool $stack run $i: up -d failed (see $log)"; }
  # Some tools exit 0 although containers failed to start: count what runs.
  running=$(count_containers "$tool" "$file" "$project")
  if ((running != $(expected_running "$stack"))); then
    ok=0
    say "$tool $stack run $i: $running containers running after up -d, expected $(expected_running "$stack") (see $log)"
  fi
  ps=$(timed "$cmd" -f "$file" -p "$project" ps) || { ok=0; say "$tool $stack run $i: ps failed (see $log)"; }
  down=$(timed "$cmd" -f "$file" -p "$project" down) || { ok=0; say "$tool $stack run $i: down failed (see $log)"; }
  after_down "$tool" "$project"
  left=$(count_containers "$tool" "$file" "$project" -a)
  ((left == 0)) || { ok=0; say "$tool $stack run $i: $left containers left after down"; }
  if ((ok == 0)); then
    echo "$stack $tool" >>"$results.failed"
    return 1
  fi
  printf '%s %s %s %s %s\n' "$stack" "$tool" "$up" "$ps" "$down" >>"$results"
  say "$tool $stack run $i: up -d ${up}s  ps ${ps}s  down ${down}s"
}

column_of() { awk -v s="$1" -v t="$2" -v c="$3" '$1 == s && $2 == t { print $c }' "$results"; }

say "log: $log"
# The figures move with the machine's load (other builds on 2 cores): print it with them.
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
present=()
for tool in $tools; do
  if cmd=$(tool_cmd "$tool") && [[ -n $cmd ]]; then
    if ensure_image "$tool"; then present+=("$tool:$cmd"); else say "$tool: could not import $BENCH_IMAGE, skipped"; fi
  else
    say "$tool: not usable here, skipped (bench/peers/setup.sh installs the peers)"
  fi
done
for stack in $stacks; do
  for entry in "${present[@]}"; do
    for i in $(seq 1 "$runs"); do run_one "${entry%%:*}" "${entry#*:}" "$stack" "$i"; done
  done
done

echo
echo "load average at start: $load_at_start, at end: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
echo "median of the successful runs of $runs, seconds (lower is better)"
printf '%-8s %-16s %8s %8s %8s %5s\n' stack tool "up -d" ps down runs
for stack in $stacks; do
  for entry in "${present[@]}"; do
    tool="${entry%%:*}"
    printf '%-8s %-16s %8s %8s %8s %5s\n' "$stack" "$tool" \
      "$(column_of "$stack" "$tool" 3 | median)" "$(column_of "$stack" "$tool" 4 | median)" \
      "$(column_of "$stack" "$tool" 5 | median)" "$(column_of "$stack" "$tool" 3 | grep -c .)/$runs"
  done
done
# The machine is shared: the fastest run shows what the tool does when it gets the cores.
echo
echo "best of the successful runs, seconds"
printf '%-8s %-16s %8s %8s %8s\n' stack tool "up -d" ps down
for stack in $stacks; do
  for entry in "${present[@]}"; do
    tool="${entry%%:*}"
    printf '%-8s %-16s %8s %8s %8s\n' "$stack" "$tool" \
      "$(column_of "$stack" "$tool" 3 | best)" "$(column_of "$stack" "$tool" 4 | best)" \
      "$(column_of "$stack" "$tool" 5 | best)"
  done
done
if [[ " ${present[*]} " == *" jcompose:"* ]]; then
  echo
  echo "ratio peer / jcompose (above 1: jcompose is faster)"
  for stack in $stacks; do
    for entry in "${present[@]}"; do
      tool="${entry%%:*}"
      [[ $tool == jcompose ]] && continue
      line="$(printf '%-8s %-16s' "$stack" "$tool")"
      for c in 3 4 5; do
        j="$(column_of "$stack" jcompose $c | median)"
        p="$(column_of "$stack" "$tool" $c | median)"
        line+="$(awk -v j="$j" -v p="$p" 'BEGIN { if (j + 0 > 0 && p != "-") printf " %8.1fx", p / j; else printf " %9s", "-" }')"
      done
      echo "$line"
    done
  done
fi
