#!/usr/bin/python3
"""Time to the first frame and memory of `vigil --demo`, against a minimal Qt window (same run).

Each run starts one program with VIGIL_REPORT_FIRST_PAINT=1, which makes it print the moment its
first window has been exposed and painted (app/FirstPaint; the clock is CLOCK_MONOTONIC, as here),
then reads its RSS at that moment and again after --settle seconds (vigil --demo has started its
demo service and signed in by then), and stops it. Runs alternate between bench_minimal_window (the
floor: one label in a plain window) and vigil, so both see the same machine load.
Prints p50/max per side and the ratios vigil / minimal (goal: first frame within 2x).
Usage: bench/app_startup.py [--build build/ci] [--runs 7] [--settle 3]
Uses $DISPLAY when set, else starts its own Xvfb; and a D-Bus session bus of its own when there is
none, as a desktop has (without one, every Qt program spends ~70 ms autolaunching a bus).
"""

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rss_kib(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def start_xvfb():
    for number in range(70, 100):
        if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
            continue
        xvfb = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1440x900x24", "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                return xvfb, f":{number}"
            time.sleep(0.01)
        xvfb.kill()
    raise SystemExit("app_startup: no free display for Xvfb")


def start_session_bus():
    if not shutil.which("dbus-daemon"):
        return None, None
    bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return bus, bus.stdout.readline().strip()


def run_once(command, env, settle):
    """Returns (first frame ms after spawn, RSS KiB at it, RSS KiB after settle s)."""
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        first = None
        for line in process.stderr:
            if line.startswith("first_paint steady_ms="):
                first = float(line.split("=", 1)[1]) - started * 1000.0
                break
        if first is None:
            raise SystemExit(f"app_startup: {command[0]} ended without a first frame")
        rss_first = rss_kib(process.pid)
        # Keep reading stderr so the program never blocks on a full pipe while it settles.
        drain = subprocess.Popen(["cat"], stdin=process.stderr, stdout=subprocess.DEVNULL)
        time.sleep(settle)
        rss_settled = rss_kib(process.pid)
        return first, rss_first, rss_settled
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if "drain" in locals():
            drain.wait()


def summary(name, values, unit, fmt="{:.1f}"):
    return f"{name}_p50={fmt.format(statistics.median(values))}{unit} {name}_max={fmt.format(max(values))}{unit}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default=str(ROOT / "build" / "ci"))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--settle", type=float, default=3.0)
    args = parser.parse_args()
    bin_dir = Path(args.build).resolve() / "bin"
    vigil, minimal = bin_dir / "vigil", bin_dir / "bench_minimal_window"
    for exe in (vigil, minimal):
        if not exe.exists():
            raise SystemExit(f"app_startup: {exe} is missing: build it first")

    xvfb = None
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        xvfb, env["DISPLAY"] = start_xvfb()
    bus = None
    if not env.get("DBUS_SESSION_BUS_ADDRESS"):
        bus, address = start_session_bus()
        if address:
            env["DBUS_SESSION_BUS_ADDRESS"] = address
    env["QT_QPA_PLATFORM"] = "xcb"
    env["VIGIL_REPORT_FIRST_PAINT"] = "1"
    home = tempfile.mkdtemp(prefix="vigil-bench-startup-")
    # A fresh profile: no saved sign-in, settings written nowhere that matters.
    env.update(HOME=home, XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=f"{home}/data",
               XDG_CACHE_HOME=f"{home}/cache")
    sides = {"minimal": [str(minimal)], "vigil": [str(vigil), "--demo"]}
    results = {name: [] for name in sides}
    try:
        # One unmeasured start of each warms the page cache (libraries, fonts).
        for command in sides.values():
            run_once(command, env, 0.5)
        for _ in range(args.runs):
            for name, command in sides.items():
                results[name].append(run_once(command, env, args.settle))
    finally:
        for helper in (bus, xvfb):
            if helper:
                helper.terminate()
                helper.wait()
        shutil.rmtree(home, ignore_errors=True)

    for name, rows in results.items():
        first = [row[0] for row in rows]
        rss_first = [row[1] / 1024 for row in rows]
        rss_settled = [row[2] / 1024 for row in rows]
        print(f"app_startup.{name} {summary('first_frame', first, 'ms')} "
              f"{summary('rss_at_first_frame', rss_first, 'MiB')} "
              f"{summary('rss_settled', rss_settled, 'MiB')} runs={len(rows)}")
    med = {name: [statistics.median(row[i] for row in rows) for i in range(3)] for name, rows in results.items()}
    print(f"app_startup.ratio first_frame={med['vigil'][0] / med['minimal'][0]:.2f}x (goal <2x) "
          f"rss_at_first_frame={med['vigil'][1] / med['minimal'][1]:.2f}x "
          f"rss_settled={med['vigil'][2] / med['minimal'][2]:.2f}x settle={args.settle:g}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
