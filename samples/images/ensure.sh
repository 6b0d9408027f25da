#!/usr/bin/env bash
# Called by ./jcompose with its own arguments before it runs a command. When the command
# brings up a compose file of samples/ (up, create, run), it makes sure the sample images that
# file names are in the jcompose state in use, building and importing them the first time
# (samples/images/build.sh). Does nothing for any other command or file; when the images are
# there it only compares stamps (milliseconds plus one hash of the build inputs).
# For `up -d` of a sample that has an executable `after-up`, it prints that script's path on
# stdout: the launcher runs it once the stack is up, to say where to look.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

# shellcheck source=compose-args.sh
. "$here/compose-args.sh"
compose_args "$@"
case "$verb" in up | create | run) ;; *) exit 0 ;; esac

# Image short names a file uses: ${VAR:-jcompose-samples/NAME:1} unless VAR is set.
wanted=()
for file in "${files[@]}"; do
  path="$(realpath -e -- "$file" 2>/dev/null)" || continue
  [[ $path == "$repo/samples/"* ]] || continue
  if [[ $verb == up && -n $detach && -x "$(dirname "$path")/after-up" ]]; then
    echo "$(dirname "$path")/after-up"
  fi
  while read -r ref; do
    var="$(sed -E 's/^\$\{([A-Za-z_][A-Za-z0-9_]*):-.*/\1/' <<<"$ref")"
    [[ $var != "$ref" && -n ${!var:-} ]] && continue
    name="$(sed -E 's#.*jcompose-samples/([a-z]+):1.*#\1#' <<<"$ref")"
    [[ " ${wanted[*]} " == *" $name "* ]] || wanted+=("$name")
  done < <(grep -Eo '(\$\{[A-Za-z_][A-Za-z0-9_]*:-)?jcompose-samples/[a-z]+:1' "$path")
done
((${#wanted[@]})) || exit 0

key="$("$here/build.sh" --key)" || exit 1
stamps="${JCOMPOSE_ROOT:-/var/lib/jcompose}/samples-images"
missing=()
for name in "${wanted[@]}"; do
  [[ "$(cat "$stamps/$name" 2>/dev/null)" == "$key" ]] || missing+=("$name")
done
((${#missing[@]})) || exit 0

# A fresh machine: the packages the images are made from.
if { [[ ! -x /bin/busybox ]] || ! command -v debootstrap >/dev/null; } && [[ -x $repo/dev/setup-host ]]; then
  "$repo/dev/setup-host" </dev/null >&2 || exit 1
fi
echo "jcompose: making the sample images ${missing[*]} (once; the Debian ones take a few minutes)..." >&2
"$here/build.sh" "${missing[@]}" </dev/null >&2 || {
  echo "jcompose: the sample images could not be made; see the lines above, then run samples/images/build.sh" >&2
  exit 1
}
