#!/usr/bin/env bash
# core/ (libvigilcore) must not include any QtGui or QtWidgets header, whatever the spelling:
# <QWidget>, <QtWidgets/QWidget>, <QtWidgets>, <QColor>, <QtGui/qicon.h>, "QPixmap", ...
# The forbidden names are read from the Qt installation, so the list is complete for this Qt.
# Usage: core_no_widgets.sh QT_INCLUDE_ROOT DIR...
set -euo pipefail
qt=${1:?usage: core_no_widgets.sh QT_INCLUDE_ROOT DIR...}
shift
(($#)) || { echo "core_no_widgets: no folder to check" >&2; exit 2; }
for module in QtGui QtWidgets QtCore; do
    [[ -d $qt/$module ]] || { echo "core_no_widgets: $qt/$module does not exist" >&2; exit 2; }
done

# Class headers (QColor) and lower-case headers (qcolor.h) of the GUI modules that QtCore lacks.
forbidden_names=$(comm -23 <(ls "$qt/QtGui" "$qt/QtWidgets" | grep -E '^(Q[A-Za-z0-9_]+|q[a-z0-9_]+\.h)$' | sort -u) \
                           <(ls "$qt/QtCore" | sort -u))
pattern='^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]((QtGui|QtWidgets|QtOpenGLWidgets|QtSvgWidgets|QtPrintSupport)(/[^>"]*)?|'
pattern+="($(echo "$forbidden_names" | paste -sd'|'))"
pattern+=')[>"]'

hits=$(grep -rnE --include='*.h' --include='*.cpp' --include='*.hpp' "$pattern" "$@" || true)
if [[ -n $hits ]]; then
    echo "$hits"
    echo "core_no_widgets: FAILED: $(wc -l <<<"$hits") forbidden includes; core must not include QtGui/QtWidgets headers (app -> ui -> core)"
    exit 1
fi
echo "core_no_widgets: $(grep -rlE --include='*.h' --include='*.cpp' '.' "$@" | wc -l) files in $* include no QtGui/QtWidgets header ($(echo "$forbidden_names" | wc -l) names checked)"
