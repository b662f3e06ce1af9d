#!/usr/bin/env bash
# Lints the contract with Spectral (pinned, installed by tools/bootstrap into .tools/npm).
# Usage: openapi_lint.sh SOURCE_DIR. Any warning fails.
set -euo pipefail
src=${1:?usage: openapi_lint.sh SOURCE_DIR}
spectral="$src/.tools/npm/node_modules/.bin/spectral"
if [[ ! -x $spectral ]]; then
    echo "openapi_lint: $spectral is missing; run tools/bootstrap" >&2
    exit 1
fi
"$spectral" --version | sed 's/^/openapi_lint: spectral /'
exec "$spectral" lint --ruleset "$src/api/.spectral.yaml" --fail-severity=warn "$src/api/openapi.yaml"
