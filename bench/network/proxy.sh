#!/usr/bin/env bash
# Published ports side by side (issue 4): busybox httpd in a container brought up from
# bench/network/proxy.yaml by each tool that runs here, and wrk through each tool's published
# port on 127.0.0.1. Beside them: Docker's own userland proxy (/usr/sbin/docker-proxy, from
# docker.io) run on its own and pointed at a second, unpublished jcompose container (`peer`),
# and wrk straight to that container's address, the ceiling. Targets take turns, ROUNDS times for each connection
# count, so a change of load hits all of them alike. One untimed run per target warms them up
# first (the jcompose daemon's proxy is Java code the JIT compiles on first use).
#
#   bench/network/proxy.sh [--rounds N] [--duration 5s] [--tools "jcompose docker-compose podman-compose"]
#
# Needs root, wrk, and busybox-static for the image (bench/peers/setup.sh installs the peers).
# Traffic: loopback and the jcompose container's bridge address only.
# The paths connect from the gateway address to a container's port 80: tens of thousands of
# connections in TIME_WAIT would use up a pair's source ports within two rounds. Direct and
# docker-proxy go to `peer`, the published port to `web`, and the bench sets net.ipv4.tcp_tw_reuse=1 (reuse a TIME_WAIT port for a new outgoing connection)
# while it runs, and puts the old value back at exit.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
rounds=3
duration=5s
tools="jcompose docker-compose podman-compose"
while (($#)); do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --tools) tools="$2"; shift 2 ;;
    *) echo "bench: unknown argument '$1'; see the header of $0" >&2; exit 2 ;;
  esac
done
[[ $(id -u) == 0 ]] || { echo "bench/network/proxy.sh: starts containers; run as root" >&2; exit 1; }
command -v wrk >/dev/null || { echo "bench/network/proxy.sh: needs wrk (apt-get install wrk)" >&2; exit 1; }
export BENCH_IMAGE="${BENCH_IMAGE:-jcompose-samples/busybox:1}"
log="${BENCH_LOG:-/tmp/jcompose-proxy-bench-$(date -u +%Y%m%dT%H%M%S).log}"
jcompose="${JCOMPOSE:-$repo/jcompose}"
file="$here/proxy.yaml"
project="benchproxy$$"
say() { printf 'bench: %s\n' "$*" >&2; }
# shellcheck source=../lib/tools.sh
source "$repo/bench/lib/tools.sh"

use_own_state
tw_reuse_before="$(cat /proc/sys/net/ipv4/tcp_tw_reuse)"
echo 1 >/proc/sys/net/ipv4/tcp_tw_reuse
results="$(mktemp)"
up_tools=()
proxy_pid=""
cleanup() {
  echo "$tw_reuse_before" >/proc/sys/net/ipv4/tcp_tw_reuse
  [[ -n $proxy_pid ]] && kill "$proxy_pid" 2>/dev/null
  local entry
  for entry in "${up_tools[@]}"; do
    "${entry#*:}" -f "$file" -p "$project" down >>"$log" 2>&1 </dev/null || say "${entry%%:*}: down failed (see $log)"
  done
  rm -f "$results"
  drop_own_state
  # wrk leaves tens of thousands of connections in TIME_WAIT for a minute, holding ephemeral
  # ports; tests run right after would find few free. Wait for them to go (at most 90 s).
  local i
  for i in $(seq 1 90); do
    (($(ss -Htan state time-wait | wc -l) < 2000)) && break
    ((i == 1)) && say "waiting for the benchmark's TIME_WAIT connections to end"
    sleep 1
  done
}
trap cleanup EXIT

# Waits until the page answers on URL (at most 10 s).
await_page() {
  local i
  for i in $(seq 1 100); do
    wget -q -O /dev/null -T 1 "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

# Requests per second of one wrk run and the requests that timed out (over wrk's 2 s), or "-"
# when it failed: a connect, read or write error, or an answer that was not 2xx.
requests_per_second() { # CONNECTIONS URL
  local out
  out="$(wrk -t2 -c"$1" -d"$duration" "$2" 2>&1)"
  echo "\$ wrk -t2 -c$1 -d$duration $2" >>"$log"
  echo "$out" >>"$log"
  if grep -q 'Non-2xx' <<<"$out" || grep -Eq 'Socket errors: connect [1-9]|read [1-9]|write [1-9]' <<<"$out"; then
    echo "- -"
    return
  fi
  awk '/^Requests\/sec/ { rps = $2 } /Socket errors/ { timeouts = $NF } END { printf "%s %d\n", rps, timeouts }' <<<"$out"
}

say "log: $log"
targets=() # "name url"
for tool in $tools; do
  cmd=$(tool_cmd "$tool") && [[ -n $cmd ]] || { say "$tool: not usable here, skipped (bench/peers/setup.sh installs the peers)"; continue; }
  ensure_image "$tool" || { say "$tool: could not import $BENCH_IMAGE, skipped"; continue; }
  port=$(free_port)
  if ! BENCH_PORT=$port "$cmd" -f "$file" -p "$project" up -d >>"$log" 2>&1 </dev/null; then
    say "$tool: up -d failed, skipped (see $log)"
    "$cmd" -f "$file" -p "$project" down >>"$log" 2>&1 </dev/null
    continue
  fi
  up_tools+=("$tool:$cmd")
  await_page "http://127.0.0.1:$port/" || { say "$tool: nothing answers on 127.0.0.1:$port, skipped"; continue; }
  targets+=("$tool http://127.0.0.1:$port/")
done
[[ " ${up_tools[*]} " == *" jcompose:"* ]] || { say "jcompose did not come up; nothing to compare"; exit 1; }

address="$("$jcompose" -f "$file" -p "$project" exec -T peer ip -4 -o addr show eth0 </dev/null 2>>"$log" \
  | awk '{ sub(/\/.*/, "", $4); print $4 }')"
[[ -n $address ]] || { say "could not read the jcompose container's address (see $log)"; exit 1; }
targets=("direct http://$address/" "${targets[@]}")
if [[ -x /usr/sbin/docker-proxy ]]; then
  port=$(free_port)
  # docker-proxy reports readiness on fd 3.
  /usr/sbin/docker-proxy -proto tcp -host-ip 127.0.0.1 -host-port "$port" \
    -container-ip "$address" -container-port 80 3>/dev/null >>"$log" 2>&1 &
  proxy_pid=$!
  if await_page "http://127.0.0.1:$port/"; then
    targets+=("docker-proxy http://127.0.0.1:$port/")
  else
    say "docker-proxy did not answer; no comparison"
  fi
else
  say "/usr/sbin/docker-proxy missing (apt-get install docker.io); no comparison"
fi

# Warm-up, not counted: the daemon's proxy code is compiled by the JIT on first use.
for target in "${targets[@]}"; do requests_per_second 8 "${target#* }" >/dev/null; done
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for connections in 8 32; do
  for round in $(seq 1 "$rounds"); do
    for target in "${targets[@]}"; do
      read -r rps timeouts < <(requests_per_second "$connections" "${target#* }")
      say "-c$connections round $round ${target%% *}: $rps req/s, $timeouts timed out"
      echo "$connections ${target%% *} $rps $timeouts" >>"$results"
    done
  done
done

echo
echo "load average before wrk: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
echo "requests per second through each path, wrk -t2 -d$duration, median (best) of $rounds rounds (higher is better);"
echo "then the requests that timed out (no answer within 2 s) over all rounds"
printf '%-16s %18s %18s %9s %9s\n' path "-c8" "-c32" "t/o -c8" "t/o -c32"
for target in "${targets[@]}"; do
  name="${target%% *}"
  line="$(printf '%-16s' "$name")"
  for connections in 8 32; do
    values="$(awk -v c="$connections" -v n="$name" '$1 == c && $2 == n && $3 != "-" { print $3 }' "$results")"
    line+="$(printf ' %18s' "$(median <<<"$values") ($(best_high <<<"$values"))")"
  done
  for connections in 8 32; do
    line+="$(printf ' %9s' "$(awk -v c="$connections" -v n="$name" '$1 == c && $2 == n && $4 != "-" { t += $4 } END { print t + 0 }' "$results")")"
  done
  echo "$line"
done
echo
echo "ratio of each path's median to jcompose's (above 1: faster than jcompose)"
for target in "${targets[@]}"; do
  name="${target%% *}"
  [[ $name == jcompose ]] && continue
  line="$(printf '%-16s' "$name")"
  for connections in 8 32; do
    j="$(awk -v c="$connections" '$1 == c && $2 == "jcompose" && $3 != "-" { print $3 }' "$results" | median)"
    p="$(awk -v c="$connections" -v n="$name" '$1 == c && $2 == n && $3 != "-" { print $3 }' "$results" | median)"
    line+="$(awk -v j="$j" -v p="$p" 'BEGIN { if (j + 0 > 0 && p != "-") printf " %15.2fx", p / j; else printf " %16s", "-" }')"
  done
  echo "$line"
done
