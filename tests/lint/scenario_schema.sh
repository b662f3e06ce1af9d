#!/usr/bin/env bash
# Checks every shipped vigil-mockd scenario against mock-server/scenarios/schema.json with a real
# JSON Schema (draft 2020-12) validator, ajv-cli (pinned, installed by tools/bootstrap into .tools/npm),
# and a snapshot the service wrote (tests/lint/fixtures/snapshot.json),
# and checks that the validator can fail: a scenario with a 'fridge' device must be refused.
# vigil-mockd's own hand-written checks are tested in tests/service/mockd_service_scenarios.cpp.
# Usage: scenario_schema.sh SOURCE_DIR
set -euo pipefail
src=${1:?usage: scenario_schema.sh SOURCE_DIR}
ajv="$src/.tools/npm/node_modules/.bin/ajv"
if [[ ! -x $ajv ]]; then
    echo "scenario_schema: $ajv is missing; run tools/bootstrap" >&2
    exit 1
fi
dir="$src/mock-server/scenarios"
schema="$dir/schema.json"
count=0
for scenario in "$dir"/*.json; do
    [[ $scenario == "$schema" ]] && continue
    "$ajv" validate --spec=draft2020 --strict=true --errors=text -s "$schema" -d "$scenario"
    count=$((count + 1))
done
# A snapshot (POST /__admin/snapshot of the household, clock moved, one fault rule) is a scenario too.
"$ajv" validate --spec=draft2020 --strict=true --errors=text -s "$schema" -d "$src/tests/lint/fixtures/snapshot.json"
if ((count < 6)); then
    echo "scenario_schema: expected at least 6 shipped scenarios, found $count" >&2
    exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed 's/"type": "tv"/"type": "fridge"/' "$dir/household.json" > "$tmp/broken.json"
if "$ajv" validate --spec=draft2020 --strict=true --errors=text -s "$schema" -d "$tmp/broken.json" > "$tmp/out" 2>&1; then
    echo "scenario_schema: the schema accepted a device of type 'fridge'" >&2
    exit 1
fi
grep -q "devices/0/type must be equal to one of the allowed values" "$tmp/out" || {
    cat "$tmp/out" >&2
    exit 1
}
echo "scenario_schema: $count scenarios valid; a broken one is refused"
