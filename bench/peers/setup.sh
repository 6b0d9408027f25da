#!/usr/bin/env bash
# Installs and configures the peers the compose benchmark compares jcompose with:
# docker.io + docker-compose (dockerd started in the background) and podman +
# podman-compose, all from Debian, and imports the benchmark's busybox image
# into both. Idempotent, needs root, reads no stdin.
#
#   bench/peers/setup.sh            install, configure, start dockerd, import images
#   bench/peers/setup.sh --check    only report what is installed and running
#   bench/peers/setup.sh --stop     stop dockerd and give the FORWARD chain back its ACCEPT
#
# Note: dockerd sets the host's iptables FORWARD policy to DROP while it runs (and leaves it
# so); --stop puts ACCEPT back, so later jcompose tests see the host as it was.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
image="${BENCH_IMAGE:-jcompose-samples/busybox:1}"
docker_log=/var/log/jcompose-bench-dockerd.log

log() { printf 'peers: %s\n' "$*" >&2; }

# The container's file-descriptor limit cannot go above the host's hard limit
# (no CAP_SYS_RESOURCE on these machines), so both engines get it as default.
nofile_hard="$(ulimit -Hn)"
[[ "$nofile_hard" == unlimited ]] && nofile_hard=1048576
# podman as root also asks for the largest nproc, but its conmon runs runc with an
# nproc hard limit of 32768 (measured here), so nproc gets the smaller of the two.
nproc_hard="$(ulimit -Hu)"
[[ "$nproc_hard" == unlimited || "$nproc_hard" -gt 32768 ]] && nproc_hard=32768

install_packages() {
  local missing=()
  for p in docker.io docker-compose podman podman-compose catatonit containernetworking-plugins; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=600 \
      --no-install-recommends "${missing[@]}" </dev/null >&2
  fi
}

configure_docker() {
  mkdir -p /etc/docker
  cat >/etc/docker/daemon.json.new <<EOF
{
  "data-root": "/var/lib/docker",
  "default-ulimits": { "nofile": { "Name": "nofile", "Soft": $nofile_hard, "Hard": $nofile_hard } }
}
EOF
  mv /etc/docker/daemon.json.new /etc/docker/daemon.json
}

# The Debian docker client is /usr/bin/docker; a newer static client may shadow it
# on PATH, which is fine: it negotiates the API version down.
start_dockerd() {
  if docker info >/dev/null 2>&1; then return 0; fi
  log "starting dockerd (log: $docker_log)"
  # setsid + nohup: dockerd outlives this script and its terminal.
  setsid nohup /usr/sbin/dockerd --config-file /etc/docker/daemon.json \
    >"$docker_log" 2>&1 </dev/null &
  for _ in $(seq 1 120); do
    docker info >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  log "dockerd did not answer within 60 s; see $docker_log"
  tail -n 20 "$docker_log" >&2
  return 1
}

configure_podman() {
  mkdir -p /etc/containers
  cat >/etc/containers/containers.conf.new <<EOF
# Written by jcompose bench/peers/setup.sh.
[containers]
default_ulimits = ["nofile=$nofile_hard:$nofile_hard", "nproc=$nproc_hard:$nproc_hard"]
init_path = "/usr/bin/catatonit"

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
  mv /etc/containers/containers.conf.new /etc/containers/containers.conf
}

import_images() {
  local tar
  tar="$("$repo/samples/images/build.sh" --print-tar busybox)"
  if ! docker image inspect "$image" >/dev/null 2>&1; then
    log "docker import $tar $image"
    docker import --change 'CMD ["sh"]' "$tar" "$image" >/dev/null
  fi
  if ! podman image exists "$image" 2>/dev/null; then
    log "podman import $tar $image"
    podman import --change 'CMD ["sh"]' "$tar" "$image" >/dev/null
  fi
}

check() {
  docker info --format 'docker: server {{.ServerVersion}}, storage {{.Driver}}, cgroup {{.CgroupDriver}} v{{.CgroupVersion}}'
  docker-compose version --short | sed 's/^/docker-compose: /'
  podman version --format 'podman: {{.Client.Version}}'
  podman-compose version 2>/dev/null | grep -i 'podman-compose' | head -n 1
  docker image inspect "$image" --format "docker image $image: {{.Id}}"
  podman image inspect "$image" --format "podman image $image: {{.Id}}"
}

stop_dockerd() {
  local pid
  pid="$(cat /var/run/docker.pid 2>/dev/null)" || pid=
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
    log "stopping dockerd (pid $pid)"
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  iptables -P FORWARD ACCEPT 2>/dev/null || true
}

if [[ "${1:-}" == --stop ]]; then
  stop_dockerd
  exit 0
fi
if [[ "${1:-}" == --check ]]; then
  check
  exit 0
fi
[[ $EUID -eq 0 ]] || { log "run as root: the peers' daemons and images are system-wide"; exit 1; }
install_packages
configure_docker
configure_podman
start_dockerd
import_images
check
