# Sourced by the benchmarks that drive jcompose and its peers side by side. The caller sets
# `repo`, `jcompose`, `log` and BENCH_IMAGE, and defines `say`.

# A port nothing listens on now (other programs' tests share this machine), below the kernel's
# ephemeral range (32768 and up), where outgoing connections could take it before the tool binds.
free_port() {
  local port
  for port in $(shuf -i 20000-32000 -n 50); do
    ss -Hltn "sport = :$port" | grep -q . || { echo "$port"; return 0; }
  done
  return 1
}

# The command line of a tool, or nothing when the tool cannot run here.
tool_cmd() {
  case "$1" in
    jcompose) [[ -x $jcompose ]] && "$jcompose" version >/dev/null 2>&1 && echo "$jcompose" ;;
    docker-compose) command -v docker-compose >/dev/null && docker info >/dev/null 2>&1 && echo docker-compose ;;
    podman-compose) command -v podman-compose >/dev/null && echo podman-compose ;;
    *) say "unknown tool '$1'"; return 1 ;;
  esac
}

# Makes sure the tool's engine has the benchmark image.
ensure_image() {
  local tar
  tar="$("$repo/samples/images/build.sh" --print-tar busybox)" || return 1
  case "$1" in
    jcompose) "$jcompose" image import "$tar" "$BENCH_IMAGE" --change 'CMD ["sh"]' >>"$log" 2>&1 ;;
    docker-compose) docker image inspect "$BENCH_IMAGE" >/dev/null 2>&1 \
      || docker import --change 'CMD ["sh"]' "$tar" "$BENCH_IMAGE" >>"$log" 2>&1 ;;
    podman-compose) podman image exists "$BENCH_IMAGE" \
      || podman import --change 'CMD ["sh"]' "$tar" "$BENCH_IMAGE" >>"$log" 2>&1 ;;
  esac
}

# Median and best of numbers on standard input, "-" when there are none.
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) printf "%.2f", v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
best() { sort -n | awk 'NR == 1 { printf "%.2f", $1 } END { if (NR == 0) print "-" }'; }
# The largest of numbers on standard input (best for throughput), "-" when there are none.
best_high() { sort -rn | awk 'NR == 1 { printf "%.2f", $1 } END { if (NR == 0) print "-" }'; }

# jcompose keeps its state in directories of this run, so a benchmark never touches (or leaves a
# daemon on) a user's /var/lib/jcompose and /run/jcompose. JCOMPOSE_ROOT/JCOMPOSE_RUN set by the
# caller are used as they are. use_own_state sets them; drop_own_state stops the daemon and
# deletes the directories.
own_state=""
use_own_state() {
  if [[ -z ${JCOMPOSE_ROOT:-} && -z ${JCOMPOSE_RUN:-} ]]; then
    own_state="$(mktemp -d /tmp/jcompose-bench-state.XXXXXX)"
    export JCOMPOSE_ROOT="$own_state/root" JCOMPOSE_RUN="$own_state/run"
  fi
}
drop_own_state() {
  [[ -n $own_state ]] || return 0
  "$jcompose" daemon stop >>"$log" 2>&1 </dev/null || true
  # A failed down can leave rootfs mounts behind: never delete through them.
  if grep -qF "$own_state" /proc/mounts; then
    say "state left in $own_state (mounts remain; run down with JCOMPOSE_ROOT/JCOMPOSE_RUN set)"
  else
    rm -rf "$own_state"
  fi
}
