#!/usr/bin/env bash
# `vigil --help` answers on a machine without any display (a server, a packaging chroot): with no
# DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM it prints the options and exits 0.
# Usage: help_run.sh VIGIL
set -euo pipefail
vigil=$1
status=0
got=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$vigil" --help 2>&1) || status=$?
if ((status != 0)); then
    echo "FAILED: vigil --help exited with $status: $got" >&2
    exit 1
fi
for option in --server --demo --version; do
    if [[ $got != *"$option"* ]]; then
        echo "FAILED: vigil --help does not mention $option: $got" >&2
        exit 1
    fi
done
echo "ok: vigil --help without a display"
