#!/usr/bin/env bash
# Builds the sample images on this machine, once, and imports them into jcompose.
#
#   samples/images/build.sh [IMAGE...]      build what is missing, import the images named
#                                           (busybox postgres redis webapp; default: all)
#   samples/images/build.sh --tars-only     build what is missing, print the tars, import nothing
#   samples/images/build.sh --print-tar busybox|debian   build that tar if missing, print its path
#
# Images (all offline, from this machine's packages and Debian's mirror):
#   jcompose-samples/busybox:1    the host's busybox-static with a symlink per applet
#   jcompose-samples/postgres:1   Debian's postgresql, initialised by /usr/local/bin/postgres-entrypoint
#   jcompose-samples/redis:1      Debian's redis-server
#   jcompose-samples/webapp:1     Debian's python3 + psycopg2 + redis with /app/app.py
# The three Debian images share one root filesystem (one debootstrap, one tar, one
# layer in the image store) and differ only in their config. Measured on this machine:
# one debootstrap with every package 81 s; a minbase 53 s plus a copy (0.7 s) and a
# chroot apt-get install per image (postgresql alone 15 s) comes to about the same
# time but three tars and three layers, so one combined root filesystem it is.
#
# Cache: $JCOMPOSE_SAMPLES_CACHE (default /var/cache/jcompose-samples). The debootstrap
# tree is keyed by its package list; the tars by this script, the files under
# rootfs-extra/, the web app under samples/webapp-redis-postgres/app/ and the host's busybox. Imports go to the jcompose state the environment
# names (JCOMPOSE_ROOT/JCOMPOSE_RUN), through $JCOMPOSE (default: ./jcompose of this repo);
# without an `image import` command it prints the imports, or fails when
# JCOMPOSE_SAMPLES_REQUIRE_IMPORT is set (the end-to-end tests set it).
# Runs as root with no stdin; safe to run again and from two processes at once.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cache="${JCOMPOSE_SAMPLES_CACHE:-/var/cache/jcompose-samples}"
jcompose="${JCOMPOSE:-$repo/jcompose}"
suite=bookworm
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
debian_packages=postgresql,redis-server,python3,python3-psycopg2,python3-redis,procps
busybox_bin=/bin/busybox
pg_bin=/usr/lib/postgresql/15/bin
std_path=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

log() { printf 'samples/images: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

mode=import
want=
only=()
case "${1:-}" in
  --tars-only) mode=tars ;;
  --print-tar) mode=print; want="${2:?--print-tar needs busybox or debian}" ;;
  --key) mode=key ;;
  busybox | postgres | redis | webapp) only=("$@") ;;
  "") ;;
  *) die "unknown argument '$1'; use --tars-only, --print-tar busybox|debian or image names (busybox postgres redis webapp)" ;;
esac
for name in "${only[@]}"; do
  case "$name" in busybox | postgres | redis | webapp) ;; *) die "unknown image '$name'; use busybox postgres redis webapp" ;; esac
done

if [[ $mode != key ]]; then
  [[ $EUID -eq 0 ]] || die "run as root: debootstrap and the image import need it"
fi
[[ -x $busybox_bin ]] || die "$busybox_bin is missing; fix: apt-get install -y busybox-static"

hash_of() { sha256sum "$@" | sha256sum | cut -c1-16; }
base_key="$(printf '%s|%s|%s|v1' "$suite" minbase "$debian_packages" | sha256sum | cut -c1-16)"
app_dir="$repo/samples/webapp-redis-postgres/app"
tar_key="$(hash_of "${BASH_SOURCE[0]}" $(find "$here/rootfs-extra" "$app_dir" -type f | sort) "$busybox_bin")"
base_dir="$cache/debian-$base_key"
tar_dir="$cache/tars-$tar_key"
if [[ $mode == key ]]; then
  echo "$tar_key" # what samples/images/ensure.sh compares with the stamps below
  exit 0
fi
# Stamps of the images imported into the jcompose state in use, one file per image holding
# the key it was built with, so ./jcompose can tell in milliseconds whether to call us.
stamp_dir="${JCOMPOSE_ROOT:-/var/lib/jcompose}/samples-images"

mkdir -p "$cache"
exec 9>"$cache/.lock"
flock 9 # a second build waits for the first and then finds everything cached

# A deterministic tar: same bytes for the same tree, so the image store dedupes it.
make_tar() { # SRC_DIR OUT_TAR
  tar --sort=name --numeric-owner --mtime=@0 --clamp-mtime -C "$1" -cf "$2.tmp" .
  mv "$2.tmp" "$2"
}

build_busybox_tar() {
  local out="$tar_dir/busybox.tar" root
  [[ -s $out ]] && return 0
  log "building busybox rootfs from $busybox_bin"
  root="$(mktemp -d "$cache/busybox.XXXXXX")"
  mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,etc,root,home,tmp,var/www,var/run,proc,sys,dev,run}
  cp "$busybox_bin" "$root/bin/busybox"
  local applet
  for applet in $("$busybox_bin" --list-full); do
    [[ $applet == bin/busybox ]] && continue
    ln -sf /bin/busybox "$root/$applet"
  done
  chmod 1777 "$root/tmp"
  chmod 700 "$root/root"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnobody:x:65534:\n' >"$root/etc/group"
  # Mount points the runtime binds over; present so a read-only rootfs works too.
  : >"$root/etc/hosts"; : >"$root/etc/resolv.conf"; : >"$root/etc/hostname"
  chown -R 0:0 "$root"
  make_tar "$root" "$out"
  rm -rf "$root"
}

debootstrap_base() {
  [[ -f $base_dir/.complete ]] && return 0
  command -v debootstrap >/dev/null || die "debootstrap is missing; fix: apt-get install -y debootstrap"
  rm -rf "$base_dir"
  log "debootstrap $suite (minbase + $debian_packages) into $base_dir, a few minutes once"
  local started=$SECONDS
  if ! debootstrap --variant=minbase --include="$debian_packages" "$suite" "$base_dir/rootfs" "$mirror" \
      >"$cache/debootstrap-$base_key.log" 2>&1 </dev/null; then
    tail -n 20 "$cache/debootstrap-$base_key.log" >&2
    die "debootstrap failed (log: $cache/debootstrap-$base_key.log); check the apt sources and the mirror $mirror"
  fi
  local r="$base_dir/rootfs"
  # Clusters and caches the packages made at install time: the entrypoint makes its own.
  rm -rf "$r"/var/lib/postgresql/15 "$r"/etc/postgresql/15 "$r"/var/cache/apt/archives/*.deb \
    "$r"/var/lib/apt/lists/* "$r"/var/log/*.log "$r"/usr/share/doc/* "$r"/usr/share/man/* "$r"/usr/share/locale/*
  log "debootstrap took $((SECONDS - started)) s"
  touch "$base_dir/.complete"
}

build_debian_tar() {
  local out="$tar_dir/debian.tar"
  [[ -s $out ]] && return 0
  debootstrap_base
  log "writing $out"
  # The extra files are copied into a scratch copy so the cached tree stays pristine.
  local work
  work="$(mktemp -d "$cache/debian.XXXXXX")"
  cp -a "$base_dir/rootfs/." "$work/"
  cp -a "$here/rootfs-extra/." "$work/"
  mkdir -p "$work/app"
  cp -a "$app_dir/." "$work/app/"
  chown -R 0:0 "$work/app" "$work/usr/local/bin"
  mkdir -p "$work/data" "$work/var/run/postgresql"
  chown "$(chroot "$work" id -u postgres):$(chroot "$work" id -g postgres)" "$work/var/run/postgresql"
  chmod 2775 "$work/var/run/postgresql"
  make_tar "$work" "$out"
  rm -rf "$work"
}

mkdir -p "$tar_dir"
case "$mode" in
  print)
    case "$want" in
      busybox) build_busybox_tar; echo "$tar_dir/busybox.tar" ;;
      debian) build_debian_tar; echo "$tar_dir/debian.tar" ;;
      *) die "unknown tar '$want'; use busybox or debian" ;;
    esac
    exit 0 ;;
esac
wanted() { # SHORT_NAME: is that image asked for?
  ((${#only[@]} == 0)) && return 0
  local n
  for n in "${only[@]}"; do [[ $n == "$1" ]] && return 0; done
  return 1
}
wanted busybox && build_busybox_tar
if wanted postgres || wanted redis || wanted webapp; then build_debian_tar; fi
# Old tar sets of earlier versions of this script are dropped; the debootstrap tree stays.
find "$cache" -maxdepth 1 -name 'tars-*' ! -name "tars-$tar_key" -exec rm -rf {} +

# One line per image asked for: NAME<TAB>TAR<TAB>--change arguments separated by '|'.
images() {
  all_images | while IFS=$'\t' read -r name tar changes; do
    local short="${name#jcompose-samples/}"
    wanted "${short%%:*}" && printf '%s\t%s\t%s\n' "$name" "$tar" "$changes"
  done
}
all_images() {
  local bb="$tar_dir/busybox.tar" deb="$tar_dir/debian.tar"
  printf '%s\t%s\t%s\n' \
    jcompose-samples/busybox:1 "$bb" 'CMD ["sh"]' \
    jcompose-samples/postgres:1 "$deb" "ENV PATH=$pg_bin:$std_path|ENV PGDATA=/var/lib/postgresql/data|ENTRYPOINT [\"/usr/local/bin/postgres-entrypoint\"]|CMD [\"postgres\"]|EXPOSE 5432" \
    jcompose-samples/redis:1 "$deb" 'WORKDIR /data|CMD ["redis-server", "--bind", "0.0.0.0", "--protected-mode", "no", "--dir", "/data"]|EXPOSE 6379' \
    jcompose-samples/webapp:1 "$deb" 'ENV PYTHONUNBUFFERED=1|WORKDIR /app|CMD ["python3", "/app/app.py"]|EXPOSE 8000'
}

# `image --help` lists an `import` subcommand when the CLI has one (jcompose and docker alike).
can_import() {
  local help
  [[ -x $jcompose ]] || return 1
  help="$("$jcompose" image --help </dev/null 2>&1)" || return 1
  grep -Eq '^ +import( |$)' <<<"$help"
}

if [[ $mode == import && -n ${JCOMPOSE_SAMPLES_REQUIRE_IMPORT:-} ]] && ! can_import; then
  die "$jcompose has no 'image import' command; the tars are in $tar_dir"
fi
if [[ $mode == tars ]] || ! can_import; then
  [[ $mode == tars ]] || log "$jcompose has no 'image import' yet; the tars are built, here is what would be imported"
  while IFS=$'\t' read -r name tar changes; do
    args=()
    IFS='|' read -ra parts <<<"$changes"
    for c in "${parts[@]}"; do args+=(--change "'$c'"); done
    echo "$jcompose image import $tar $name ${args[*]}"
  done < <(images)
  exit 0
fi

# An image carries the key of the tars it was made from: the same image is not imported twice.
already_imported() {
  local config # not piped into grep -q: under pipefail its early exit would fail the check
  config="$("$jcompose" image inspect "$1" </dev/null 2>/dev/null)" || return 1
  [[ $config == *"$tar_key"* ]]
}

while IFS=$'\t' read -r name tar changes; do
  if already_imported "$name"; then
    log "$name is up to date"
  else
    args=()
    IFS='|' read -ra parts <<<"$changes|LABEL io.jcompose.samples.build=$tar_key"
    for c in "${parts[@]}"; do args+=(--change "$c"); done
    log "importing $name"
    "$jcompose" image import "$tar" "$name" "${args[@]}" </dev/null >/dev/null
  fi
  if [[ $jcompose -ef $repo/jcompose ]]; then
    short="${name#jcompose-samples/}"
    mkdir -p "$stamp_dir"
    echo "$tar_key" >"$stamp_dir/${short%%:*}"
  fi
done < <(images)
