#!/usr/bin/env bash
# Unpacks the built packages (dpkg-deb -x, no root needed) and checks the installed tree:
#  - both binaries run from /usr/bin and print their version, and vigil --help needs no display;
#  - the desktop entry's Exec line names the installed vigil, and runs it (with --version);
#  - vigil finds vigil-mockd in its own folder, as demo mode needs (core/demo/DemoService.cpp);
#  - vigil-mockd finds the demo GeoIP database under <prefix>/share/vigil-mockd when installed;
#  - the icons, metainfo and man pages are where desktops and man look for them, and
#    appstreamcli validate-tree accepts the installed tree.
# Usage: deb_run.sh DEB_DIR APP_ID
set -euo pipefail
debs=$1
app_id=$2
root=$(mktemp -d)
mockd_pid=
cleanup() {
    if [[ -n $mockd_pid ]]; then kill "$mockd_pid" 2>/dev/null || true; fi
    rm -rf "$root"
}
trap cleanup EXIT
failures=0
fail() { echo "FAILED: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

shopt -s nullglob
files=("$debs"/vigil_*.deb "$debs"/vigil-mockd_*.deb)
(( ${#files[@]} == 2 )) || { echo "FAILED: need vigil_*.deb and vigil-mockd_*.deb in $debs" >&2; exit 1; }
for deb in "${files[@]}"; do
    dpkg-deb -x "$deb" "$root"
done
version=$(dpkg-deb --field "${files[0]}" Version)
bin=$root/usr/bin

# The binaries run from the unpacked tree (the libraries are the system's Qt).
for exe in vigil vigil-mockd; do
    if [[ ! -x $bin/$exe ]]; then
        fail "$exe is not in /usr/bin"
        continue
    fi
    got=$("$bin/$exe" --version 2>&1) || fail "$exe --version exited with $?"
    if [[ $got == *"$version"* ]]; then
        ok "$exe --version: $got"
    else
        fail "$exe --version printed '$got', not $version"
    fi
done

# vigil --help needs no display, as --version does (see help_run.sh).
if [[ -x $bin/vigil ]]; then
    "$(dirname "$0")/help_run.sh" "$bin/vigil" || fail "the packaged vigil --help"
fi

# The menu entry starts the installed binary: its Exec command, run with the unpacked /usr/bin
# first on PATH, is that file.
desktop=$root/usr/share/applications/$app_id.desktop
if [[ -f $desktop ]]; then
    exec_line=$(sed -n 's/^Exec=//p' "$desktop")
    command=${exec_line%% *}
    if [[ $command == /* ]]; then
        resolved=$root$command
    else
        resolved=$(PATH="$bin:/usr/bin:/bin" command -v "$command" || true)
    fi
    if [[ $resolved != "$bin/vigil" ]]; then
        fail "Exec=$exec_line resolves to '${resolved:-nothing}', not the packaged /usr/bin/vigil"
    else
        # Field codes (%U, %f...) expand to nothing when no file is passed.
        args=$(sed -E 's/%[fFuUick]//g' <<<"${exec_line#"$command"}")
        # shellcheck disable=SC2086 # the Exec arguments are split like a desktop launcher does
        got=$(PATH="$bin:/usr/bin:/bin" "$command" $args --version 2>&1) || fail "Exec line with --version failed"
        if [[ $got == *"$version"* ]]; then
            ok "Exec=$exec_line runs the packaged vigil: $got"
        else
            fail "Exec line printed '$got'"
        fi
    fi
    grep -qx "Icon=$app_id" "$desktop" || fail "the desktop entry's Icon is not $app_id"
else
    fail "no $app_id.desktop in /usr/share/applications"
fi

# Demo mode looks for vigil-mockd in vigil's own folder.
if [[ -x $(dirname "$bin/vigil")/vigil-mockd ]]; then
    ok "vigil-mockd is in vigil's folder"
else
    fail "vigil-mockd is not next to vigil"
fi

# Installed vigil-mockd finds the demo GeoIP database in <prefix>/share/vigil-mockd/ (it warns
# when it finds none). Its first stdout line says it is listening, so setup is done by then.
[[ -f $root/usr/share/vigil-mockd/vigil-geoip-demo.mmdb ]] || fail "no demo GeoIP database"
log=$root/mockd.log
coproc MOCKD { exec "$bin/vigil-mockd" --port 0 --db :memory: --admin-key packaging-check-0123456789 2>"$log"; }
# shellcheck disable=SC2153 # MOCKD_PID is set by coproc
mockd_pid=$MOCKD_PID
if read -r -t 30 first <&"${MOCKD[0]}" && [[ $first == "listening on http://127.0.0.1:"* ]]; then
    if grep -qi "geoip" "$log"; then
        fail "installed vigil-mockd did not use the packaged GeoIP database: $(grep -i geoip "$log")"
    else
        ok "installed vigil-mockd started ($first) with the packaged GeoIP database"
    fi
else
    fail "installed vigil-mockd did not start: ${first:-no output}; $(cat "$log")"
fi
kill "$mockd_pid" 2>/dev/null || true
wait "$mockd_pid" 2>/dev/null || true
mockd_pid=

# Desktop integration files at the XDG paths; man pages where man looks.
for size in 16 22 24 32 48 64 128 256; do
    png=$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png
    if [[ ! -f $png ]]; then
        fail "no ${size}x${size} icon"
    elif [[ $(file -b "$png") != "PNG image data, $size x $size,"* ]]; then
        fail "${size}x${size} icon is $(file -b "$png")"
    fi
done
for path in usr/share/icons/hicolor/scalable/apps/$app_id.svg usr/share/metainfo/$app_id.metainfo.xml \
            usr/share/man/man1/vigil.1.gz usr/share/man/man1/vigil-mockd.1.gz \
            usr/share/doc/vigil/copyright usr/share/doc/vigil-mockd/copyright; do
    [[ -f $root/$path ]] || fail "no /$path"
done
# The installed tree as a software centre reads it: metainfo, desktop entry and icon together.
if tree=$(appstreamcli validate-tree --no-net "$root" 2>&1); then
    ok "appstreamcli validate-tree"
else
    fail "appstreamcli validate-tree: $tree"
fi
# The metainfo's launchable is the desktop entry that is installed.
metainfo=$root/usr/share/metainfo/$app_id.metainfo.xml
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" 2>/dev/null ||
    fail "the metainfo does not launch $app_id.desktop"

if (( failures )); then
    echo "FAILED: $failures check(s)" >&2
    exit 1
fi
echo "all package checks passed"
