#!/usr/bin/env bash
# Fails when a C++ file of the project is not formatted as .clang-format says.
# Usage: format_check.sh SOURCE_DIR        checks app core ui mock-server tests bench
#        format_check.sh --self-test       proves that a badly formatted file is caught
# Files: tracked plus untracked-but-not-ignored *.h/*.cpp (plain `find` outside a git checkout).
set -euo pipefail
clang_format=${CLANG_FORMAT:-clang-format}
dirs=(app core ui mock-server tests bench)

check() {
    local src=$1
    cd "$src"
    local files=() f
    if git -c safe.directory="$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        while IFS= read -r -d '' f; do
            [[ $f == *.h || $f == *.cpp ]] && [[ -f $f ]] && files+=("$f")
        done < <(git -c safe.directory="$src" ls-files -z --cached --others --exclude-standard -- "${dirs[@]}")
    else
        while IFS= read -r -d '' f; do files+=("$f"); done \
            < <(find "${dirs[@]}" -type f \( -name '*.h' -o -name '*.cpp' \) -print0 2>/dev/null)
    fi
    if ((${#files[@]} == 0)); then
        echo "format_check: no C++ files found under ${dirs[*]} in $src" >&2
        return 1
    fi
    if ! "$clang_format" --dry-run --Werror "${files[@]}"; then
        echo "format_check: FAILED. Fix with: clang-format -i <file> (config: $src/.clang-format)" >&2
        return 1
    fi
    echo "format_check: ${#files[@]} files formatted ($("$clang_format" --version))"
}

if [[ ${1:-} == --self-test ]]; then
    here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    mkdir -p "$tmp/core"
    cp "$here/.clang-format" "$tmp/"
    printf 'int  answer( ){return 42;}\n' >"$tmp/core/Bad.cpp"
    if (check "$tmp") >"$tmp/out" 2>&1; then
        cat "$tmp/out"
        echo "format_check --self-test: a badly formatted file passed" >&2
        exit 1
    fi
    grep -q 'Bad.cpp' "$tmp/out" || { cat "$tmp/out"; echo "format_check --self-test: no file named" >&2; exit 1; }
    echo "format_check --self-test: a badly formatted file is caught"
    exit 0
fi
check "${1:?usage: format_check.sh SOURCE_DIR | --self-test}"
