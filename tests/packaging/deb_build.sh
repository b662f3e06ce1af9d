#!/usr/bin/env bash
# Builds the .deb packages of a build tree with CPack into OUT (emptied first) and checks that
# exactly the two expected packages come out. Usage: deb_build.sh BUILD_DIR OUT
set -euo pipefail
build=$1
out=$2
rm -rf "$out"
mkdir -p "$out"
# CPack stages under OUT/_CPack_Packages, so the build tree is only read.
if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out" >"$out/cpack.log" 2>&1; then
    cat "$out/cpack.log"
    echo "FAILED: cpack -G DEB" >&2
    exit 1
fi
rm -rf "$out/_CPack_Packages"
shopt -s nullglob
app=("$out"/vigil_*.deb)
mockd=("$out"/vigil-mockd_*.deb)
all=("$out"/*.deb)
if (( ${#app[@]} != 1 || ${#mockd[@]} != 1 || ${#all[@]} != 2 )); then
    echo "FAILED: expected vigil_*.deb and vigil-mockd_*.deb, got: ${all[*]##*/}" >&2
    exit 1
fi
for deb in "${all[@]}"; do
    echo "== $(basename "$deb")"
    dpkg-deb --field "$deb" Package Version Architecture Depends Recommends
done
