#!/usr/bin/env bash
# Proves the dependency direction is enforced by the build, not only by review: targets that link
# only vigilcore cannot include (<QWidget>) or link (QWidget::QWidget) QtWidgets. A control probe
# that uses only QtCore must build, so a broken build tree cannot pass this test by accident.
# Usage: link_direction.sh BUILD_DIR
set -uo pipefail
build=${1:?usage: link_direction.sh BUILD_DIR}

probe() { cmake --build "$build" --target "$1" 2>&1; }
fail() {
    echo "link_direction: FAILED: $1" >&2
    [[ -n ${2:-} ]] && echo "$2" | tail -n 30 >&2
    exit 1
}

out=$(probe lint_probe_core_only) || fail "the QtCore-only control probe did not build" "$out"
echo "link_direction: control probe (QtCore only, linking vigilcore) builds"

if out=$(probe lint_probe_widget_include); then
    fail "a target linking only vigilcore compiled #include <QWidget>; does vigilcore link Widgets?"
fi
grep -qE "QWidget: No such file or directory|'QWidget' file not found" <<<"$out" ||
    fail "the include probe failed for another reason than the missing QWidget header" "$out"
echo "link_direction: #include <QWidget> fails to compile against vigilcore, as it must"

if out=$(probe lint_probe_widget_link); then
    fail "a target linking only vigilcore linked QWidget; does vigilcore link Qt6::Widgets?"
fi
grep -qE "undefined (reference to .|symbol: )QWidget::QWidget" <<<"$out" ||  # GNU ld | mold, lld
    fail "the link probe failed for another reason than the missing QWidget symbols" "$out"
echo "link_direction: using QWidget fails to link against vigilcore, as it must"
