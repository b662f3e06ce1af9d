#!/usr/bin/env python3
"""Runs every ```sh block of docs/qa-guide.md, top to bottom in one bash, against a real vigil-mockd.

Usage: qa_guide_examples.py GUIDE BIN_DIR
The guide's first block starts vigil-mockd (--port 0 --db :memory: --admin-key) and exports $MOCKD and
$KEY; the later blocks use them. BIN_DIR (with vigil-mockd) goes first on PATH, the work folder is a
fresh temporary one. A block whose first line is "# needs a desktop" is skipped. Any failing command
(set -euo pipefail; the guide uses curl -fsS) fails the test and names the block. Whatever the guide
left running is killed at the end (its own process group)."""

import os
import re
import signal
import subprocess
import sys
import tempfile

SKIP_MARK = "# needs a desktop"
TIMEOUT = 120


def blocks(text):
    """(line number, code) of every ```sh block."""
    found = []
    for match in re.finditer(r"^```sh[ \t]*\n(.*?)^```[ \t]*$", text, re.M | re.S):
        found.append((text.count("\n", 0, match.start()) + 1, match.group(1)))
    return found


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    guide, bin_dir = sys.argv[1], sys.argv[2]
    with open(guide, encoding="utf-8") as handle:
        all_blocks = blocks(handle.read())
    run = [(line, code) for line, code in all_blocks if not code.lstrip().startswith(SKIP_MARK)]
    if len(run) < 10:
        print(f"qa_guide_examples: only {len(run)} runnable sh blocks in {guide}", file=sys.stderr)
        return 1
    script = ["set -euo pipefail", "trap 'echo \"qa_guide_examples: FAILED in the block at line $QA_BLOCK\" >&2' ERR"]
    for line, code in run:
        script.append(f"QA_BLOCK={line}; echo '--- block at line {line}'")
        script.append(code)
    script.append("echo '--- every block ran'")
    with tempfile.TemporaryDirectory(prefix="qa-guide-") as work:
        env = dict(os.environ)
        env["PATH"] = os.path.abspath(bin_dir) + os.pathsep + env.get("PATH", "")
        env.pop("VIGIL_ADMIN_KEY", None)
        proc = subprocess.Popen(["bash", "-c", "\n".join(script)], cwd=work, env=env, start_new_session=True)
        try:
            code = proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            print(f"qa_guide_examples: the guide did not finish in {TIMEOUT} s", file=sys.stderr)
            code = 1
        finally:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        skipped = len(all_blocks) - len(run)
        if code == 0:
            print(f"qa_guide_examples: {len(run)} blocks ran, {skipped} skipped (need a desktop)")
        else:
            log = os.path.join(work, "mockd.log")
            if os.path.exists(log):
                with open(log, encoding="utf-8", errors="replace") as handle:
                    print("--- vigil-mockd's log (last lines)\n" + handle.read()[-3000:], file=sys.stderr)
        return 0 if code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
