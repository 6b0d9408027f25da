#!/bin/sh
# Image store benchmark: import / share / resolve figures for a rootfs tar.
# Usage: bench/images/run.sh [ROOTFS.tar]   (default: busybox + /usr/lib/python3.11, ~55 MiB, many small files)
# Compares with GNU tar extracting the same tar. Run from the repository root.
set -eu
work=$(mktemp -d /tmp/jcompose-imgbench.XXXXXX)
trap 'rm -rf "$work"' EXIT
tar_file=${1:-}
if [ -z "$tar_file" ]; then
  mkdir -p "$work/rootfs/bin" "$work/rootfs/usr/lib"
  cp /bin/busybox "$work/rootfs/bin/"
  cp -a /usr/lib/python3.11 "$work/rootfs/usr/lib/"
  tar_file="$work/rootfs.tar"
  tar -C "$work/rootfs" -cf "$tar_file" .
  rm -rf "$work/rootfs"
fi
mvn -B -q -pl runtime-adapter -am -DskipTests -DskipITs package >/dev/null
mvn -B -q -pl runtime-adapter dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="runtime-adapter/target/classes:$(cat "$work/cp.txt")"
java -cp "$cp" bench/images/ImageBench.java "$tar_file" "$work/state"
mkdir "$work/gnutar"
start=$(date +%s%N)
tar -C "$work/gnutar" -xf "$tar_file"
end=$(date +%s%N)
echo "GNU tar -xf of the same tar: $(( (end - start) / 1000000 )) ms"
