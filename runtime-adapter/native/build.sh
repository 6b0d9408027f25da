#!/bin/sh
# Builds the jcompose-shim binary: build.sh OUTPUT_FILE. Called by Maven during the normal build.
set -eu
if ! command -v cc >/dev/null 2>&1; then
  echo "jcompose native build: no C compiler 'cc' on PATH; install one (apt-get install gcc libc6-dev) and build again" >&2
  exit 1
fi
out=$1
here=$(cd "${0%/*}" && pwd)
mkdir -p "$(dirname "$out")"
# Up to date when the binary is newer than every source file.
if [ -f "$out" ] && [ -z "$(find "$here/src" "$here/build.sh" -newer "$out" 2>/dev/null)" ]; then
  exit 0
fi
# Static, so the same file can run inside any container as its init (jcompose-init).
cc -std=gnu11 -Os -static -D_GNU_SOURCE -Wall -Wextra -Werror -Wno-unused-result -Wno-format-truncation \
  -o "$out.tmp" "$here"/src/*.c
mv "$out.tmp" "$out"
