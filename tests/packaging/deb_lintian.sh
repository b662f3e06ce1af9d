#!/usr/bin/env bash
# Runs lintian on the built packages. Fails on any error, and on any warning whose tag
# is not a row of the justified-warnings table in docs/install.md (so the list stays true).
# Usage: deb_lintian.sh DEB_DIR INSTALL_MD
set -euo pipefail
debs=$1
doc=$2
shopt -s nullglob
files=("$debs"/*.deb)
(( ${#files[@]} )) || { echo "FAILED: no .deb in $debs" >&2; exit 1; }

set +e
report=$(lintian --fail-on error --display-level '>=warning' --tag-display-limit 0 \
         "${files[@]}" 2>&1)
status=$?
set -e
printf '%s\n' "$report"
if (( status != 0 )); then
    echo "FAILED: lintian reports errors (exit $status)" >&2
    exit 1
fi
# The justified tags: rows "| `tag` | why |" between the lintian-warnings markers.
# shellcheck disable=SC2016 # the backquotes are literal Markdown
justified=$(sed -n '/<!-- lintian-warnings/,/<!-- \/lintian-warnings/p' "$doc" |
            sed -nE 's/^\| `([a-z0-9-]+)` \|.*/\1/p')
unjustified=()
while read -r tag; do
    grep -qxF "$tag" <<<"$justified" || unjustified+=("$tag")
done < <(sed -nE 's/^W: [^:]+: ([a-z0-9-]+).*/\1/p' <<<"$report" | sort -u)
if (( ${#unjustified[@]} )); then
    echo "FAILED: lintian warnings not justified in $doc: ${unjustified[*]}" >&2
    exit 1
fi
echo "lintian: no errors; every warning is justified in $(basename "$doc")"
